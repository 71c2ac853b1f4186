-- The grounds on which a case's information about a child is shared with another agency for a stated purpose
-- (Law on Children 2016 Art. 33, Personal Data Protection Law 91/2025): the consent of the child (aged 7 or more)
-- and of a parent or guardian, or a legal basis for sharing without consent.
CREATE TABLE referral_consent (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id                UUID         NOT NULL REFERENCES protection_case (id),
  child_id               BIGINT       NOT NULL REFERENCES child (id),
  unit_id                BIGINT       NOT NULL REFERENCES administrative_unit (id),
  purpose                VARCHAR(30)  NOT NULL,
  purpose_note           VARCHAR(1000),
  child_age_on_day       INT          NOT NULL CHECK (child_age_on_day BETWEEN 0 AND 17),
  recorded_by            BIGINT       NOT NULL REFERENCES app_user (id),
  recorded_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  withdrawn_at           TIMESTAMP WITH TIME ZONE,
  withdrawn_by_role      VARCHAR(10) CHECK (withdrawn_by_role IN ('CHILD', 'CARER')),
  withdrawal_note        VARCHAR(2000),
  withdrawal_recorded_by BIGINT REFERENCES app_user (id)
);
CREATE UNIQUE INDEX referral_consent_in_force ON referral_consent (case_id, child_id, purpose)
  WHERE withdrawn_at IS NULL;
CREATE INDEX referral_consent_case_idx ON referral_consent (case_id);

CREATE TABLE consent_giver (
  consent_id    BIGINT       NOT NULL REFERENCES referral_consent (id),
  role          VARCHAR(10)  NOT NULL CHECK (role IN ('CHILD', 'PARENT', 'GUARDIAN')),
  name          VARCHAR(200) NOT NULL,
  method        VARCHAR(10)  NOT NULL CHECK (method IN ('WRITTEN', 'ORAL')),
  given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attachment_id UUID REFERENCES case_attachment (id),
  witness_name  VARCHAR(200),
  witness_role  VARCHAR(200),
  CHECK (method <> 'WRITTEN' OR attachment_id IS NOT NULL),
  CHECK (method <> 'ORAL' OR witness_name IS NOT NULL),
  PRIMARY KEY (consent_id, role)
);

CREATE TABLE referral_legal_basis (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           UUID          NOT NULL REFERENCES protection_case (id),
  child_id          BIGINT        NOT NULL REFERENCES child (id),
  unit_id           BIGINT        NOT NULL REFERENCES administrative_unit (id),
  purpose           VARCHAR(30)   NOT NULL,
  basis             VARCHAR(30)   NOT NULL
    CHECK (basis IN ('LIFE_OR_HEALTH_EMERGENCY', 'DUTY_TO_REPORT_CRIME', 'AUTHORITY_REQUEST', 'OTHER_LAW')),
  requesting_body   VARCHAR(200),
  request_reference VARCHAR(200),
  law_reference     VARCHAR(300),
  note              VARCHAR(2000) NOT NULL,
  recorded_by       BIGINT        NOT NULL REFERENCES app_user (id),
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at          TIMESTAMP WITH TIME ZONE,
  ended_by          BIGINT REFERENCES app_user (id),
  end_note          VARCHAR(2000),
  CHECK (basis <> 'OTHER_LAW' OR law_reference IS NOT NULL),
  CHECK (basis <> 'AUTHORITY_REQUEST' OR requesting_body IS NOT NULL)
);
CREATE INDEX referral_legal_basis_case_idx ON referral_legal_basis (case_id);
