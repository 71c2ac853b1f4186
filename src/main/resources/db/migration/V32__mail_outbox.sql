-- Notice e-mails wait here until the mail server has taken them (identity/MailOutbox.java):
-- a message is queued in the transaction of what it tells, tried by one instance at a time
-- and, after a failure, again later with a growing delay. The message key names the notice
-- and its recipient, so a notice queued twice (an event delivered again) is sent once.
-- Messages carry a link, never a name or a detail; sent ones are deleted after a week.
CREATE TABLE mail_outbox (
  id              BIGSERIAL    PRIMARY KEY,
  message_key     VARCHAR(300) NOT NULL UNIQUE,
  user_id         BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  recipient       VARCHAR(320) NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  body            TEXT         NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      VARCHAR(500),
  sent_at         TIMESTAMP WITH TIME ZONE,
  given_up_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);
