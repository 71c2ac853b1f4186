-- Action plans as data: plan -> objectives -> indicators -> targets per year and
-- unit; activities with responsible agencies; reference denominators per unit and year.
-- Every record knows its unit (the plan's province), so many provinces' plans coexist.
-- Units are referenced by id, not by code: a code can name another unit in another period
-- (docs/domain.md §6), an id names one unit version.
CREATE TABLE plan (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_unit_id BIGINT       NOT NULL REFERENCES administrative_unit (id),
  number           VARCHAR(50)  NOT NULL,
  title            VARCHAR(500) NOT NULL,
  issuer           VARCHAR(200) NOT NULL,
  issued_on        DATE,
  start_year       INT          NOT NULL,
  end_year         INT          NOT NULL,
  status           VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED')),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (start_year <= end_year),
  UNIQUE (province_unit_id, number)
);

CREATE TABLE plan_objective (
  id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES plan (id),
  ordinal INT    NOT NULL,
  text    TEXT   NOT NULL,
  UNIQUE (plan_id, ordinal)
);

-- source_kind: REGISTER = counted from the system's registers; REPORTED = figures reported
-- by communes and agencies. denominator_kind names the reference denominator a coverage
-- indicator divides by (NULL when the denominator is counted, not entered).
-- reporting_frequency NULL: not in the plan text, to be completed by the plan administrator.
CREATE TABLE plan_indicator (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id                 BIGINT       NOT NULL REFERENCES plan (id),
  objective_id            BIGINT       NOT NULL REFERENCES plan_objective (id),
  code                    VARCHAR(20)  NOT NULL,
  name                    VARCHAR(500) NOT NULL,
  unit_of_measure         VARCHAR(16)  NOT NULL CHECK (unit_of_measure IN ('PERCENT', 'COUNT')),
  definition              TEXT,
  numerator_definition    TEXT,
  denominator_definition  TEXT,
  denominator_kind        VARCHAR(32)  CHECK (denominator_kind IN ('FAMILIES_WITH_CHILDREN', 'PUPILS', 'SCHOOLS',
                            'HEALTH_FACILITIES', 'INVESTIGATORS', 'WORKFORCE')),
  disaggregations         VARCHAR(200) NOT NULL DEFAULT '',
  desired_direction       VARCHAR(16)  NOT NULL CHECK (desired_direction IN ('INCREASE', 'DECREASE')),
  reporting_frequency     VARCHAR(16)  CHECK (reporting_frequency IN ('SIX_MONTHLY', 'YEARLY')),
  source_kind             VARCHAR(16)  NOT NULL CHECK (source_kind IN ('REGISTER', 'REPORTED')),
  is_coverage             BOOLEAN      NOT NULL,
  ordinal                 INT          NOT NULL,
  UNIQUE (plan_id, code),
  CHECK (NOT is_coverage OR (unit_of_measure = 'PERCENT' AND numerator_definition IS NOT NULL
                             AND denominator_definition IS NOT NULL))
);

CREATE TABLE plan_target (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id BIGINT        NOT NULL REFERENCES plan_indicator (id),
  year         INT           NOT NULL,
  unit_id      BIGINT        NOT NULL REFERENCES administrative_unit (id),
  value        NUMERIC(14, 2) NOT NULL CHECK (value >= 0),
  entered_by   VARCHAR(100)  NOT NULL,
  entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (indicator_id, year, unit_id)
);

-- needs_completion: what the plan text does not give (agency, period, funding) is left empty
-- for the plan administrator, never invented.
CREATE TABLE plan_activity (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id               BIGINT       NOT NULL REFERENCES plan (id),
  section               VARCHAR(20)  NOT NULL,
  title                 TEXT         NOT NULL,
  description           TEXT,
  responsible_agency_id BIGINT REFERENCES agency (id),
  period_start          DATE,
  period_end            DATE,
  funding_source        VARCHAR(300),
  ordinal               INT          NOT NULL,
  version               INT          NOT NULL DEFAULT 0,
  needs_completion      BOOLEAN GENERATED ALWAYS AS (responsible_agency_id IS NULL OR period_start IS NULL
                          OR period_end IS NULL OR funding_source IS NULL) STORED,
  UNIQUE (plan_id, section),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)
);

CREATE TABLE plan_activity_partner (
  activity_id BIGINT NOT NULL REFERENCES plan_activity (id) ON DELETE CASCADE,
  agency_id   BIGINT NOT NULL REFERENCES agency (id),
  PRIMARY KEY (activity_id, agency_id)
);

-- Reference denominators (families with children, pupils, schools, ...) per unit and year;
-- shared by every plan of the unit's province.
CREATE TABLE reference_denominator (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind       VARCHAR(32)  NOT NULL CHECK (kind IN ('FAMILIES_WITH_CHILDREN', 'PUPILS', 'SCHOOLS',
               'HEALTH_FACILITIES', 'INVESTIGATORS', 'WORKFORCE')),
  unit_id    BIGINT       NOT NULL REFERENCES administrative_unit (id),
  year       INT          NOT NULL,
  value      BIGINT       NOT NULL CHECK (value >= 0),
  entered_by VARCHAR(100) NOT NULL,
  entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (kind, unit_id, year)
);
CREATE INDEX plan_target_unit_idx ON plan_target (unit_id);
CREATE INDEX reference_denominator_unit_idx ON reference_denominator (unit_id, year);
