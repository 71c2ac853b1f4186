-- Exports of a statistics table: one job per request, worked off by any instance with the
-- same claim, attempt and heartbeat rules as the plans' exports (shared.JobTable). The
-- audience is decided when the job is requested and kept, so the file of a user who may
-- not see the cases is suppressed however long the job waits.
CREATE TABLE stat_export (
  id           UUID         PRIMARY KEY,
  requested_by VARCHAR(100) NOT NULL,
  table_kind   VARCHAR(32)  NOT NULL,
  period       VARCHAR(32)  NOT NULL,
  unit_code    VARCHAR(16)  NOT NULL,
  format       VARCHAR(8)   NOT NULL CHECK (format IN ('XLSX', 'PDF', 'CSV', 'DHIS2')),
  audience     VARCHAR(16)  NOT NULL CHECK (audience IN ('CASE_WORKERS', 'FIGURES_ONLY')),
  locale       VARCHAR(8)   NOT NULL CHECK (locale IN ('vi', 'en')),
  state        VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  progress     SMALLINT     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  attempts     SMALLINT     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  claimed_at   TIMESTAMP WITH TIME ZONE,
  heartbeat_at TIMESTAMP WITH TIME ZONE,
  failure      VARCHAR(100),
  file_name    VARCHAR(200),
  content      BYTEA,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  CHECK ((state = 'DONE') = (content IS NOT NULL)),
  CHECK (state <> 'RUNNING' OR heartbeat_at IS NOT NULL)
);
CREATE INDEX stat_export_created_at ON stat_export (created_at);
CREATE INDEX stat_export_unfinished ON stat_export (state, created_at) WHERE state IN ('QUEUED', 'RUNNING');

-- The names of this system's codes in DHIS2, for the aggregate exchange file: a table's
-- row code as a data element (table_kind is the table's code), a column code as a
-- category option combination and a unit code as an organisation unit (table_kind '' for
-- both). A code without a row is written as itself (DHIS2 import with idScheme=CODE), so
-- no default needs seeding.
CREATE TABLE stat_dhis2_mapping (
  kind       VARCHAR(24)  NOT NULL CHECK (kind IN ('DATA_ELEMENT', 'CATEGORY_OPTION_COMBO', 'ORG_UNIT')),
  table_kind VARCHAR(32)  NOT NULL DEFAULT '',
  code       VARCHAR(100) NOT NULL,
  uid        VARCHAR(11)  NOT NULL CHECK (uid ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  updated_by VARCHAR(100) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (kind, table_kind, code),
  CHECK ((kind = 'DATA_ELEMENT') = (table_kind <> ''))
);
