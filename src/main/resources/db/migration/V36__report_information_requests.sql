-- An officer of the unit a report was routed to asks its receiving point for more
-- information; the receiving point answers. The answer is added to the report, never
-- written over it. One open request (no answer yet) per report at a time, held by the
-- partial unique index, so two requests posted at once cannot both be open.
CREATE TABLE report_information_request (
  id                UUID PRIMARY KEY,
  report_id         UUID NOT NULL REFERENCES report (id),
  asked_by          BIGINT NOT NULL REFERENCES app_user (id),
  asked_by_name     VARCHAR(200) NOT NULL,
  asked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  question          TEXT NOT NULL,
  answered_by       BIGINT REFERENCES app_user (id),
  answered_by_name  VARCHAR(200),
  answered_at       TIMESTAMP WITH TIME ZONE,
  answer            TEXT,
  -- when the asking officer opened the report after the answer (the work queue's item ends)
  answer_seen_at    TIMESTAMP WITH TIME ZONE,
  CHECK ((answered_at IS NULL) = (answer IS NULL))
);
CREATE UNIQUE INDEX report_information_request_open_idx ON report_information_request (report_id)
  WHERE answered_at IS NULL;
CREATE INDEX report_information_request_report_idx ON report_information_request (report_id, asked_at);
CREATE INDEX report_information_request_asker_idx ON report_information_request (asked_by)
  WHERE answered_at IS NOT NULL AND answer_seen_at IS NULL;

-- Whether the verification of the harm (docs/domain.md §3, step 3) is over for the report:
-- the case holding it confirmed the harm or closed as not substantiated; a reopened case
-- verifies again. A report is sent back for more information only while it is not over.
ALTER TABLE report ADD COLUMN verification_settled BOOLEAN NOT NULL DEFAULT FALSE;
