-- The case (vụ việc) and its statutory workflow (LTE Art. 47-52, ND 56 Chapter III).
CREATE TABLE protection_case (
  id                     UUID PRIMARY KEY,
  reference_code         VARCHAR(20)  NOT NULL UNIQUE,
  unit_id                BIGINT       NOT NULL REFERENCES administrative_unit (id),
  assigned_officer_id    BIGINT REFERENCES app_user (id),
  status                 VARCHAR(30)  NOT NULL,
  status_before_transfer VARCHAR(30),
  transfer_to_unit_id    BIGINT REFERENCES administrative_unit (id),
  urgency                VARCHAR(12)  NOT NULL,
  cycle                  INT          NOT NULL DEFAULT 1,
  opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  -- when the first report arrived: the 12-hour clock and emergency decisions count from it
  received_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at              TIMESTAMP WITH TIME ZONE,
  next_deadline_at       TIMESTAMP WITH TIME ZONE,
  next_deadline_step     VARCHAR(30),
  version                INT          NOT NULL DEFAULT 0,
  demo                   BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX protection_case_officer_idx ON protection_case (assigned_officer_id, next_deadline_at)
  WHERE closed_at IS NULL;
CREATE INDEX protection_case_unit_idx ON protection_case (unit_id, status);

CREATE TABLE case_report (
  case_id   UUID NOT NULL REFERENCES protection_case (id),
  report_id UUID NOT NULL UNIQUE REFERENCES report (id),
  linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (case_id, report_id)
);

CREATE TABLE case_child (
  case_id  UUID   NOT NULL REFERENCES protection_case (id),
  child_id BIGINT NOT NULL REFERENCES child (id),
  PRIMARY KEY (case_id, child_id)
);
CREATE INDEX case_child_child_idx ON case_child (child_id);

-- Official forms (Mẫu 02, 03, 04, 06, the emergency decision) as versioned JSON documents.
CREATE TABLE case_form (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      UUID        NOT NULL REFERENCES protection_case (id),
  form         VARCHAR(30) NOT NULL,
  cycle        INT         NOT NULL,
  version      INT         NOT NULL,
  schema       INT         NOT NULL,
  data         JSONB       NOT NULL,
  recorded_by  BIGINT      NOT NULL REFERENCES app_user (id),
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (case_id, form, cycle, version)
);

-- The legal clocks of a case: started, met, escalated.
CREATE TABLE case_deadline (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          UUID        NOT NULL REFERENCES protection_case (id),
  step             VARCHAR(30) NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  met_at           TIMESTAMP WITH TIME ZONE,
  escalation       VARCHAR(20) NOT NULL DEFAULT 'NONE',
  escalated_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX case_deadline_open_idx ON case_deadline (due_at) WHERE met_at IS NULL;
CREATE INDEX case_deadline_case_idx ON case_deadline (case_id);

-- One timeline of everything that happened in a case.
CREATE TABLE case_entry (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     UUID         NOT NULL REFERENCES protection_case (id),
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id    BIGINT REFERENCES app_user (id),
  actor_name  VARCHAR(200) NOT NULL,
  kind        VARCHAR(40)  NOT NULL,
  visibility  VARCHAR(20)  NOT NULL DEFAULT 'CASE_TEAM',
  text        TEXT CHECK (length(text) <= 10000),
  ref         VARCHAR(100)
);
CREATE INDEX case_entry_case_idx ON case_entry (case_id, at);

-- Services delivered under the plan.
CREATE TABLE case_service (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       UUID         NOT NULL REFERENCES protection_case (id),
  service_type  VARCHAR(40)  NOT NULL,
  provider_id   BIGINT REFERENCES agency (id),
  delivered_on  DATE         NOT NULL,
  outcome       VARCHAR(2000),
  recorded_by   BIGINT       NOT NULL REFERENCES app_user (id),
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deadline alerts in the application (no personal data: the case is a link).
CREATE TABLE case_alert (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     BIGINT      NOT NULL REFERENCES app_user (id),
  case_id     UUID        NOT NULL REFERENCES protection_case (id),
  deadline_id BIGINT      NOT NULL REFERENCES case_deadline (id),
  level       VARCHAR(20) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at     TIMESTAMP WITH TIME ZONE,
  UNIQUE (user_id, deadline_id, level)
);

-- Limits the law text we hold does not give: defaults an administrator can change.
CREATE TABLE deadline_rule (
  step        VARCHAR(30) PRIMARY KEY,
  amount      INT         NOT NULL CHECK (amount > 0 AND amount <= 366),
  unit        VARCHAR(20) NOT NULL CHECK (unit IN ('HOURS', 'WORKING_DAYS', 'DAYS')),
  statutory   BOOLEAN     NOT NULL,
  changed_by  BIGINT REFERENCES app_user (id),
  changed_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO deadline_rule (step, amount, unit, statutory) VALUES
  ('EMERGENCY_DECISION', 12, 'HOURS', TRUE),
  ('PLAN', 5, 'WORKING_DAYS', TRUE),
  ('SEPARATION_END', 15, 'DAYS', TRUE),
  ('VERIFICATION', 2, 'WORKING_DAYS', FALSE),
  ('APPROVAL', 3, 'WORKING_DAYS', FALSE),
  ('REVIEW', 90, 'DAYS', FALSE);

-- A provincial manager's time-limited access to a case outside their scope.
CREATE TABLE case_break_glass (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     UUID          NOT NULL REFERENCES protection_case (id),
  user_id     BIGINT        NOT NULL REFERENCES app_user (id),
  reason      VARCHAR(1000) NOT NULL,
  granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_break_glass_idx ON case_break_glass (user_id, case_id, expires_at);

CREATE SEQUENCE case_reference_seq;

-- Intake's inbox puts reports already taken into a case below the others.
ALTER TABLE report ADD COLUMN in_case BOOLEAN NOT NULL DEFAULT FALSE;
