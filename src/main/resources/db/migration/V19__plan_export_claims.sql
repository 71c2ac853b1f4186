-- Export jobs (V16) survive a stopped instance and keep the requester's language. A worker
-- claims a queued job in one statement (state, attempt number, claimed_at and heartbeat_at
-- together), so two instances never run the same job, and beats the heartbeat after every
-- step; every write of the worker names its attempt, so a worker whose job was taken from
-- it writes nothing. A scheduled step re-queues a running job whose heartbeat is older
-- than a timeout and fails it, with the reason as a message key, once it has used its
-- attempts. Jobs requested before this migration are Vietnamese, as they were then.
ALTER TABLE plan_export
  ADD COLUMN locale       VARCHAR(8)   NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  ADD COLUMN attempts     SMALLINT     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD COLUMN claimed_at   TIMESTAMP WITH TIME ZONE,
  ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE,
  ADD COLUMN failure      VARCHAR(100);

UPDATE plan_export SET attempts = 1, claimed_at = created_at, heartbeat_at = created_at WHERE state = 'RUNNING';

ALTER TABLE plan_export
  ADD CONSTRAINT plan_export_running_has_heartbeat CHECK (state <> 'RUNNING' OR heartbeat_at IS NOT NULL);

CREATE INDEX plan_export_unfinished ON plan_export (state, created_at) WHERE state IN ('QUEUED', 'RUNNING');
