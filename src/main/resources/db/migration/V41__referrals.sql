-- A referral: part of a case handed to an agency of the directory for a stated purpose and one or more services.
-- unit_id is the sending commune (the case's, moved with it on a transfer); the receiving side is the agency and
-- the unit it belongs to. The reference code comes from referral_reference_seq (CG-2026-000123).
CREATE SEQUENCE referral_reference_seq;

CREATE TABLE referral (
  id                 UUID PRIMARY KEY,
  reference_code     VARCHAR(20)  NOT NULL UNIQUE,
  case_id            UUID         NOT NULL REFERENCES protection_case (id),
  child_id           BIGINT       NOT NULL REFERENCES child (id),
  unit_id            BIGINT       NOT NULL REFERENCES administrative_unit (id),
  agency_id          BIGINT       NOT NULL REFERENCES agency (id),
  agency_unit_id     BIGINT       NOT NULL REFERENCES administrative_unit (id),
  -- the agency's sector when the referral was drafted: it picks the field set and the outcome report
  sector             VARCHAR(40)  NOT NULL,
  purpose            VARCHAR(30)  NOT NULL,
  purpose_note       VARCHAR(1000),
  state              VARCHAR(20)  NOT NULL
    CHECK (state IN ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN')),
  sent_consent_id    BIGINT REFERENCES referral_consent (id),
  sent_basis_id      BIGINT REFERENCES referral_legal_basis (id),
  reporter_shared    BOOLEAN      NOT NULL DEFAULT FALSE,
  reporter_shared_by BIGINT REFERENCES app_user (id),
  resent_from        UUID UNIQUE REFERENCES referral (id),
  created_by         BIGINT       NOT NULL REFERENCES app_user (id),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at            TIMESTAMP WITH TIME ZONE,
  answered_at        TIMESTAMP WITH TIME ZONE,
  answered_by        BIGINT REFERENCES app_user (id),
  decline_reason     VARCHAR(2000),
  completed_at       TIMESTAMP WITH TIME ZONE,
  withdrawn_at       TIMESTAMP WITH TIME ZONE,
  withdraw_reason    VARCHAR(2000),
  next_due_at        TIMESTAMP WITH TIME ZONE,
  next_due_clock     VARCHAR(20),
  version            INT          NOT NULL DEFAULT 0,
  demo               BOOLEAN      NOT NULL DEFAULT FALSE,
  CHECK (state IN ('DRAFT', 'WITHDRAWN') OR num_nonnulls(sent_consent_id, sent_basis_id) = 1)
);
CREATE INDEX referral_inbox_idx ON referral (agency_id, next_due_at, id)
  WHERE state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS');
CREATE INDEX referral_agency_idx ON referral (agency_id, sent_at DESC) WHERE state <> 'DRAFT';
CREATE INDEX referral_case_idx ON referral (case_id);

CREATE TABLE referral_service (
  referral_id UUID        NOT NULL REFERENCES referral (id),
  service     VARCHAR(40) NOT NULL REFERENCES referral_service_kind (code),
  PRIMARY KEY (referral_id, service)
);

-- What the referral may show, field by field (every ShareField's value), frozen when sent; read only through the
-- share that applies the receiving sector's field set.
CREATE TABLE referral_content (
  referral_id UUID  PRIMARY KEY REFERENCES referral (id),
  schema      INT   NOT NULL,
  data        JSONB NOT NULL
);

-- The clocks of a referral: the answer, the completion, and for a crime report the police's forwarding.
CREATE TABLE referral_deadline (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id  UUID        NOT NULL REFERENCES referral (id),
  clock        VARCHAR(20) NOT NULL CHECK (clock IN ('RESPONSE', 'COMPLETION', 'FORWARDING')),
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  met_at       TIMESTAMP WITH TIME ZONE,
  escalation   VARCHAR(20) NOT NULL DEFAULT 'NONE',
  escalated_at TIMESTAMP WITH TIME ZONE,
  UNIQUE (referral_id, clock)
);
CREATE INDEX referral_deadline_open_idx ON referral_deadline (due_at) WHERE met_at IS NULL;

-- Everything that happened to a referral, for its own history (the case timeline gets its own entries).
CREATE TABLE referral_event (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id  UUID         NOT NULL REFERENCES referral (id),
  at           TIMESTAMP WITH TIME ZONE NOT NULL,
  kind         VARCHAR(30)  NOT NULL,
  actor_id     BIGINT REFERENCES app_user (id),
  api_token_id BIGINT REFERENCES api_token (id),
  actor_name   VARCHAR(200) NOT NULL,
  -- a progress note or a reason; a note is seen by the agency and the case officer
  text         TEXT CHECK (length(text) <= 5000)
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, at);

-- Each time an agency read the referral's shared fields: what it saw, on which channel, on which ground.
CREATE TABLE referral_disclosure (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id UUID          NOT NULL REFERENCES referral (id),
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  channel     VARCHAR(10)   NOT NULL CHECK (channel IN ('PAGE', 'PRINT', 'EXPORT', 'API')),
  viewer      VARCHAR(200)  NOT NULL,
  fields      VARCHAR(1000) NOT NULL,
  consent_id  BIGINT REFERENCES referral_consent (id),
  basis_id    BIGINT REFERENCES referral_legal_basis (id)
);
CREATE INDEX referral_disclosure_referral_idx ON referral_disclosure (referral_id, at);
