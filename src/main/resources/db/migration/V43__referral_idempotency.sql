-- Idempotency of the referrals API: a retried request (the same method, path and content under one key) gets the
-- stored answer and changes nothing again. The row is written first, in the step's transaction, so a second request
-- with the key waits for the first and then answers what it answered.
CREATE TABLE referral_idempotency (
  api_token_id BIGINT       NOT NULL REFERENCES api_token (id),
  key          VARCHAR(200) NOT NULL,
  request_hash CHAR(64)     NOT NULL,
  status       INT          NOT NULL,
  body         TEXT         NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (api_token_id, key)
);
