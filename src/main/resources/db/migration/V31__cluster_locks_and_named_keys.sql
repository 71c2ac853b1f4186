-- The timers that run once in the cluster hold a row here while they run (ShedLock, see
-- shared/ClusterTimers.java): a lock is taken by a conditional update of its row, and lapses
-- at lock_until if its instance stops without releasing it. The application role reads and
-- writes it like every ordinary table (audit/ApplicationRole.java).
CREATE TABLE shedlock (
  name       VARCHAR(64)  PRIMARY KEY,
  lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);

-- Attachments are now sealed as one ciphertext that names its key and carries its nonce
-- (shared/Keyring.java); only attachments stored before have a nonce of their own, until the
-- re-encryption command (--reseal-secrets) has moved them.
ALTER TABLE case_attachment ALTER COLUMN nonce DROP NOT NULL;
