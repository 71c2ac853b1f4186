-- The statistics read model: one row per source record, kept by the statistics module's
-- listeners from the modules' events (re-derived whole from the source on every event, so
-- a replay changes nothing) and rebuilt from the source by a command. Figures are read
-- from these tables only, so statistics never slow case work. No names, no free text.

-- One row per case as it stands now.
CREATE TABLE stat_case (
  case_id               UUID        PRIMARY KEY,
  unit_id               BIGINT      NOT NULL,
  officer_id            BIGINT,
  status                VARCHAR(30) NOT NULL,
  urgency               VARCHAR(12) NOT NULL,
  received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  -- when verification confirmed the harm (the case is substantiated), the latest cycle's
  harm_confirmed_at     TIMESTAMP WITH TIME ZONE,
  -- the first initial assessment (Mẫu 02) saved
  initial_assessment_at TIMESTAMP WITH TIME ZONE,
  -- the first support plan (Mẫu 04) saved
  plan_drafted_at       TIMESTAMP WITH TIME ZONE,
  -- the first emergency decision recorded, and whether one separated the child
  emergency_at          TIMESTAMP WITH TIME ZONE,
  separated_at          TIMESTAMP WITH TIME ZONE,
  closed_at             TIMESTAMP WITH TIME ZONE,
  demo                  BOOLEAN     NOT NULL
);
CREATE INDEX stat_case_unit_opened_idx ON stat_case (unit_id, opened_at);
CREATE INDEX stat_case_open_idx ON stat_case (unit_id, officer_id) WHERE closed_at IS NULL;

-- Each legal clock of a case: started, due, met (null while running).
CREATE TABLE stat_case_deadline (
  case_id    UUID        NOT NULL REFERENCES stat_case (case_id) ON DELETE CASCADE,
  step       VARCHAR(30) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  met_at     TIMESTAMP WITH TIME ZONE,
  unit_id    BIGINT      NOT NULL,
  PRIMARY KEY (case_id, step, started_at)
);
CREATE INDEX stat_case_deadline_step_idx ON stat_case_deadline (step, started_at, unit_id);
CREATE INDEX stat_case_deadline_open_idx ON stat_case_deadline (unit_id, due_at) WHERE met_at IS NULL;

-- Each time a case was closed (or closed as not substantiated), and when it was reopened.
CREATE TABLE stat_case_closure (
  case_id       UUID    NOT NULL REFERENCES stat_case (case_id) ON DELETE CASCADE,
  closed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  substantiated BOOLEAN NOT NULL,
  reopened_at   TIMESTAMP WITH TIME ZONE,
  unit_id       BIGINT  NOT NULL,
  PRIMARY KEY (case_id, closed_at)
);
CREATE INDEX stat_case_closure_idx ON stat_case_closure (closed_at, unit_id);

-- Indicator 0101: each child of a substantiated case with each form of harm its reports
-- name (OTHER_HARM when none), the setting, her sex and age at the date of the harm (the
-- first report's receipt), counted once per child and period by the queries.
CREATE TABLE stat_abused_child (
  case_id     UUID        NOT NULL REFERENCES stat_case (case_id) ON DELETE CASCADE,
  child_id    BIGINT      NOT NULL,
  harm_form   VARCHAR(40) NOT NULL,
  unit_id     BIGINT      NOT NULL,
  harm_on     DATE        NOT NULL,
  sex         VARCHAR(10) NOT NULL,
  -- null when neither birth date, birth year nor an approximate age is known
  age         SMALLINT,
  setting     VARCHAR(20) NOT NULL,
  demo        BOOLEAN     NOT NULL,
  PRIMARY KEY (case_id, child_id, harm_form)
);
CREATE INDEX stat_abused_child_unit_idx ON stat_abused_child (unit_id, harm_on);
CREATE INDEX stat_abused_child_harm_idx ON stat_abused_child (harm_on, unit_id) INCLUDE (child_id, harm_form, sex, age, setting);

-- One row per report: how it came, what it was, where it was routed.
CREATE TABLE stat_report (
  report_id       UUID        PRIMARY KEY,
  unit_id         BIGINT      NOT NULL,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  channel         VARCHAR(30) NOT NULL,
  contact_type    VARCHAR(30) NOT NULL,
  -- routed to a commune (not held at the provincial unit for an unknown place or a
  -- transfer out); routing happens when the report is recorded
  routed_to_commune BOOLEAN   NOT NULL,
  in_case         BOOLEAN     NOT NULL,
  demo            BOOLEAN     NOT NULL
);
CREATE INDEX stat_report_received_idx ON stat_report (received_at, unit_id) INCLUDE (channel, contact_type, routed_to_commune);

-- One row per referral: the sector it went to and its times.
CREATE TABLE stat_referral (
  referral_id  UUID        PRIMARY KEY,
  case_id      UUID        NOT NULL,
  unit_id      BIGINT      NOT NULL,
  sector       VARCHAR(30) NOT NULL,
  status       VARCHAR(30) NOT NULL,
  sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at  TIMESTAMP WITH TIME ZONE,
  completed_at TIMESTAMP WITH TIME ZONE,
  demo         BOOLEAN     NOT NULL
);
CREATE INDEX stat_referral_sent_idx ON stat_referral (sent_at, unit_id);

-- Children in special circumstances, by group: entries recorded on the child's record
-- (source RECORD, source_id the entry) and groups read from substantiated cases (source
-- CASE, source_id the case), so a child in both counts once per group.
CREATE TABLE stat_circumstance (
  child_id   BIGINT      NOT NULL,
  grp        VARCHAR(40) NOT NULL,
  source     VARCHAR(10) NOT NULL CHECK (source IN ('RECORD', 'CASE')),
  source_id  VARCHAR(40) NOT NULL,
  -- the case a CASE row was read from (re-derived with it)
  case_id    UUID,
  unit_id    BIGINT      NOT NULL,
  started_on DATE        NOT NULL,
  ended_on   DATE,
  PRIMARY KEY (child_id, grp, source, source_id)
);
CREATE INDEX stat_circumstance_unit_idx ON stat_circumstance (unit_id, started_on);
CREATE INDEX stat_circumstance_case_idx ON stat_circumstance (case_id) WHERE case_id IS NOT NULL;

-- Support a child in special circumstances received: supports recorded on the child's
-- record (source RECORD) and services or emergency measures of her cases (source CASE).
CREATE TABLE stat_support (
  child_id   BIGINT      NOT NULL,
  source     VARCHAR(10) NOT NULL CHECK (source IN ('RECORD', 'CASE')),
  source_id  VARCHAR(40) NOT NULL,
  kind       VARCHAR(40) NOT NULL,
  case_id    UUID,
  unit_id    BIGINT      NOT NULL,
  started_on DATE        NOT NULL,
  ended_on   DATE,
  PRIMARY KEY (child_id, source, source_id)
);
CREATE INDEX stat_support_case_idx ON stat_support (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX stat_support_child_idx ON stat_support (child_id, started_on);
