-- Files attached to a case (PDF and pictures), encrypted with AES-256-GCM under the key from
-- TREAN_CASES_ATTACHMENT_KEY: a copy of the database alone does not give anyone the documents.
-- The associated data of the cipher binds each ciphertext to its own row and case.
CREATE TABLE case_attachment (
  id           UUID PRIMARY KEY,
  case_id      UUID         NOT NULL REFERENCES protection_case (id),
  file_name    VARCHAR(200) NOT NULL,
  media_type   VARCHAR(40)  NOT NULL,
  size_bytes   INT          NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  sha256       BYTEA        NOT NULL CHECK (octet_length(sha256) = 32),
  nonce        BYTEA        NOT NULL CHECK (octet_length(nonce) = 12),
  ciphertext   BYTEA        NOT NULL,
  visibility   VARCHAR(20)  NOT NULL DEFAULT 'CASE_TEAM'
    CHECK (visibility IN ('CASE_TEAM', 'COMMUNE_ONLY', 'RESTRICTED')),
  uploaded_by  BIGINT       NOT NULL REFERENCES app_user (id),
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, uploaded_at);
