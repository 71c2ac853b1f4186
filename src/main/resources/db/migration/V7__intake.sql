-- Reports of abuse (Mẫu 01) and what hangs on them.
CREATE TABLE report (
  id                      UUID PRIMARY KEY,
  reference_code          VARCHAR(12)  NOT NULL UNIQUE,
  received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  channel                 VARCHAR(30)  NOT NULL,
  received_by             BIGINT REFERENCES app_user (id),
  receiving_agency_id     BIGINT REFERENCES agency (id),
  api_token_id            BIGINT REFERENCES api_token (id),
  reporter_anonymous      BOOLEAN      NOT NULL,
  reporter_name           VARCHAR(200),
  reporter_phone          VARCHAR(16),
  reporter_relation       VARCHAR(30),
  reporter_wants_feedback BOOLEAN      NOT NULL DEFAULT FALSE,
  contact_type            VARCHAR(30)  NOT NULL,
  harm_forms              VARCHAR(500) NOT NULL DEFAULT '',
  setting                 VARCHAR(20),
  perpetrator_relation    VARCHAR(30),
  perpetrator_lives_with  BOOLEAN      NOT NULL DEFAULT FALSE,
  perpetrator_can_reach   BOOLEAN      NOT NULL DEFAULT FALSE,
  place_unit_id           BIGINT REFERENCES administrative_unit (id),
  account                 TEXT         NOT NULL CHECK (length(account) <= 10000),
  danger_signs            VARCHAR(300) NOT NULL DEFAULT '',
  urgency                 VARCHAR(12)  NOT NULL,
  emergency_decision_due  TIMESTAMP WITH TIME ZONE,
  routed_unit_id          BIGINT       NOT NULL REFERENCES administrative_unit (id),
  transfer_out            BOOLEAN      NOT NULL DEFAULT FALSE,
  status                  VARCHAR(30)  NOT NULL,
  demo                    BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX report_routed_idx ON report (routed_unit_id, urgency, received_at);
CREATE INDEX report_received_by_idx ON report (received_by, received_at);

CREATE TABLE report_child (
  report_id          UUID         NOT NULL REFERENCES report (id),
  position           INT          NOT NULL,
  child_id           BIGINT       NOT NULL REFERENCES child (id),
  full_name          VARCHAR(200) NOT NULL,
  sex                VARCHAR(10)  NOT NULL,
  birth_date         DATE,
  approximate_age    INT,
  personal_id        CHAR(12),
  residence_unit_id  BIGINT REFERENCES administrative_unit (id),
  address_detail     VARCHAR(300),
  school             VARCHAR(200),
  parent_name        VARCHAR(200),
  PRIMARY KEY (report_id, position)
);
CREATE INDEX report_child_child_idx ON report_child (child_id);

-- In-application notifications of routed reports (no personal data: the report is a link).
CREATE TABLE report_notification (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES app_user (id),
  report_id  UUID   NOT NULL REFERENCES report (id),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at    TIMESTAMP WITH TIME ZONE,
  UNIQUE (user_id, report_id)
);

-- Idempotency of the intake API: a retried request returns the stored answer.
CREATE TABLE intake_idempotency (
  api_token_id BIGINT      NOT NULL REFERENCES api_token (id),
  key          VARCHAR(200) NOT NULL,
  request_hash CHAR(64)    NOT NULL,
  status       INT         NOT NULL,
  body         TEXT        NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (api_token_id, key)
);

-- Fixed-window counters for the public form's rate limit, shared by every instance.
CREATE TABLE rate_limit_window (
  bucket       VARCHAR(100) NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  hits         INT NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
