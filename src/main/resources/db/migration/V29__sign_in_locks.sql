-- Two locks per account: the password lock (too many wrong passwords; the owner's own
-- password and second factor lift it) and the second-factor lock (too many wrong codes
-- in any session; only time or an administrator lifts it, and it grows with each lock in
-- a row). Failures are counted per client address as well, with a growing delay.
ALTER TABLE app_user
  ADD COLUMN second_factor_failures   INT NOT NULL DEFAULT 0,
  ADD COLUMN second_factor_lockouts   INT NOT NULL DEFAULT 0,
  ADD COLUMN second_factor_locked_until TIMESTAMP WITH TIME ZONE;

CREATE TABLE sign_in_throttle (
  client_address   VARCHAR(64) PRIMARY KEY,
  failures         INT NOT NULL,
  last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  blocked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
