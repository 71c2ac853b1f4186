-- Children in special circumstances (Law on Children Art. 10) and the supports and interventions they are given
-- (Art. 49-50). Each record is a head row (whose child, the commune it is recorded for, its current version) and
-- its versions: a correction or an end adds a version and keeps every earlier one, naming who made it, when and
-- why (a correction needs its reason). Nothing is updated but the head's current version; nothing is deleted.
CREATE TABLE circumstance_entry (
  id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  child_id  BIGINT  NOT NULL REFERENCES child (id),
  unit_id   BIGINT  NOT NULL REFERENCES administrative_unit (id),
  version   INT     NOT NULL DEFAULT 1,
  demo      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX circumstance_entry_child_idx ON circumstance_entry (child_id);

CREATE TABLE circumstance_entry_version (
  entry_id     BIGINT       NOT NULL REFERENCES circumstance_entry (id),
  version      INT          NOT NULL CHECK (version >= 1),
  change       VARCHAR(10)  NOT NULL CHECK (change IN ('RECORDED', 'CORRECTED', 'ENDED')),
  group_code   VARCHAR(40)  NOT NULL CHECK (group_code IN ('ORPHANED_BOTH_PARENTS', 'ABANDONED',
                 'NO_ONE_TO_RELY_ON', 'DISABILITY', 'HIV_AIDS', 'IN_CONFLICT_WITH_LAW', 'DRUG_ADDICTED',
                 'DROPPED_OUT_TO_EARN_LIVING', 'SERIOUSLY_HARMED_BY_VIOLENCE', 'EXPLOITED', 'SEXUALLY_ABUSED',
                 'TRAFFICKED', 'SERIOUS_ILLNESS_POOR_HOUSEHOLD', 'MIGRANT_OR_UNACCOMPANIED')),
  started_on   DATE         NOT NULL,
  ended_on     DATE,
  evidence     VARCHAR(2000),
  reason       VARCHAR(1000),
  recorded_by  BIGINT       NOT NULL REFERENCES app_user (id),
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (entry_id, version),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  CHECK (change <> 'CORRECTED' OR reason IS NOT NULL)
);

CREATE TABLE support_entry (
  id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  child_id  BIGINT  NOT NULL REFERENCES child (id),
  unit_id   BIGINT  NOT NULL REFERENCES administrative_unit (id),
  version   INT     NOT NULL DEFAULT 1,
  demo      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX support_entry_child_idx ON support_entry (child_id);

CREATE TABLE support_entry_version (
  support_id   BIGINT       NOT NULL REFERENCES support_entry (id),
  version      INT          NOT NULL CHECK (version >= 1),
  change       VARCHAR(10)  NOT NULL CHECK (change IN ('RECORDED', 'CORRECTED')),
  kind         VARCHAR(30)  NOT NULL CHECK (kind IN ('HEALTHCARE', 'EDUCATION', 'LEGAL_AID', 'SOCIAL_ASSISTANCE',
                 'PSYCHOLOGICAL_SUPPORT', 'ALTERNATIVE_CARE', 'VOCATIONAL_TRAINING', 'FAMILY_SUPPORT', 'SAFE_SHELTER',
                 'COMMUNITY_INTEGRATION', 'OTHER')),
  from_on      DATE         NOT NULL,
  to_on        DATE,
  agency_id    BIGINT       REFERENCES agency (id),
  provider     VARCHAR(200),
  reason       VARCHAR(1000),
  recorded_by  BIGINT       NOT NULL REFERENCES app_user (id),
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (support_id, version),
  CHECK (to_on IS NULL OR to_on >= from_on),
  CHECK (change <> 'CORRECTED' OR reason IS NOT NULL)
);
