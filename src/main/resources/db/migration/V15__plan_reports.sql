-- Periodic reports of an action plan: for each reporting unit (a commune
-- or the city) and period, the figures of the plan's REPORTED indicators, drafted and
-- submitted by the unit's plan reporter, returned with a comment or approved by the province.
-- A correction after approval is a new row (report_version + 1, previous_id) so the approved
-- figures stay as they were approved.

-- How many days after a period's end its report is due, per plan; a plan without a row
-- uses the defaults (six-monthly: 15 days after 30/6 and 31/12; yearly: 31 days).
CREATE TABLE plan_reporting_schedule (
  plan_id               BIGINT       NOT NULL REFERENCES plan (id),
  period_kind           VARCHAR(16)  NOT NULL CHECK (period_kind IN ('SIX_MONTHLY', 'YEARLY')),
  days_after_period_end INT          NOT NULL CHECK (days_after_period_end BETWEEN 0 AND 366),
  changed_by            VARCHAR(100) NOT NULL,
  changed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (plan_id, period_kind)
);

-- state: DRAFT (being filled in), SUBMITTED (waiting for the province), RETURNED (sent back
-- with return_comment), APPROVED (locked). version: optimistic locking of the row.
-- report_version: 1 for the first report of the unit and period, n + 1 for the correction of
-- an approved version n (previous_id). Only the newest version of a unit and period is
-- "current"; the figures on the progress pages come from the newest APPROVED version.
CREATE TABLE plan_report (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id        BIGINT       NOT NULL REFERENCES plan (id),
  unit_id        BIGINT       NOT NULL REFERENCES administrative_unit (id),
  period_kind    VARCHAR(16)  NOT NULL CHECK (period_kind IN ('SIX_MONTHLY', 'YEARLY')),
  year           INT          NOT NULL,
  half           SMALLINT,
  report_version INT          NOT NULL DEFAULT 1 CHECK (report_version >= 1),
  previous_id    BIGINT       REFERENCES plan_report (id),
  is_current     BOOLEAN      NOT NULL DEFAULT TRUE,
  due_on         DATE         NOT NULL,
  state          VARCHAR(16)  NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
  version        INT          NOT NULL DEFAULT 0,
  created_by     VARCHAR(100) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_by   VARCHAR(100),
  submitted_at   TIMESTAMP WITH TIME ZONE,
  decided_by     VARCHAR(100),
  decided_at     TIMESTAMP WITH TIME ZONE,
  return_comment TEXT,
  CHECK ((period_kind = 'SIX_MONTHLY' AND half IN (1, 2)) OR (period_kind = 'YEARLY' AND half IS NULL)),
  CHECK (state <> 'RETURNED' OR return_comment IS NOT NULL),
  CHECK ((report_version = 1) = (previous_id IS NULL))
);
-- one current report per plan, unit and period: a second one is a duplicate
CREATE UNIQUE INDEX plan_report_one_current ON plan_report (plan_id, unit_id, period_kind, year, COALESCE(half, 0))
  WHERE is_current;
CREATE UNIQUE INDEX plan_report_one_version ON plan_report (plan_id, unit_id, period_kind, year, COALESCE(half, 0),
  report_version);
CREATE INDEX plan_report_period_idx ON plan_report (plan_id, period_kind, year, half, state);

-- disaggregation: ALL for the whole; FEMALE / MALE where the indicator is broken down by sex.
-- A numerator larger than its denominator is kept only flagged, with its explanation.
CREATE TABLE plan_report_value (
  report_id      BIGINT      NOT NULL REFERENCES plan_report (id),
  indicator_id   BIGINT      NOT NULL REFERENCES plan_indicator (id),
  disaggregation VARCHAR(8)  NOT NULL DEFAULT 'ALL' CHECK (disaggregation IN ('ALL', 'FEMALE', 'MALE')),
  numerator      BIGINT      CHECK (numerator >= 0),
  denominator    BIGINT      CHECK (denominator >= 0),
  explanation    TEXT,
  flagged        BOOLEAN     NOT NULL DEFAULT FALSE,
  PRIMARY KEY (report_id, indicator_id, disaggregation),
  CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator OR flagged),
  CHECK (NOT flagged OR explanation IS NOT NULL)
);
CREATE INDEX plan_report_value_indicator_idx ON plan_report_value (indicator_id);

-- The figures of an approved report never change: a correction is a new version.
CREATE FUNCTION plan_report_value_locked() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM plan_report r
             WHERE r.id IN (NEW.report_id, OLD.report_id) AND r.state = 'APPROVED') THEN
    RAISE EXCEPTION 'the figures of an approved plan report are locked';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER plan_report_value_locked BEFORE INSERT OR UPDATE OR DELETE ON plan_report_value
  FOR EACH ROW EXECUTE FUNCTION plan_report_value_locked();
