-- Exports of a plan's progress report as XLSX or PDF. A request is a row
-- here; a worker thread of whichever instance accepted it fills in the progress and, when
-- done, the file itself, so any instance can answer the polls and serve the download and no
-- instance keeps state. Only the user who asked may see the job. Files older than a day are
-- deleted by a cleanup that one instance at a time runs (an advisory lock).
CREATE TABLE plan_export (
  id           UUID         PRIMARY KEY,
  plan_id      BIGINT       NOT NULL REFERENCES plan (id),
  requested_by VARCHAR(100) NOT NULL,
  format       VARCHAR(8)   NOT NULL CHECK (format IN ('XLSX', 'PDF')),
  period       VARCHAR(16)  NOT NULL,
  state        VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  progress     SMALLINT     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  file_name    VARCHAR(200),
  content      BYTEA,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  CHECK ((state = 'DONE') = (content IS NOT NULL))
);

CREATE INDEX plan_export_created_at ON plan_export (created_at);
