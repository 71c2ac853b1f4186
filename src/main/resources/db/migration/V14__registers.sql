-- Registers behind the plan indicators: the child-protection workforce
-- roster, trainings with their participants, communication events with the households they
-- reached, schools and health facilities with capacity checks, interview rooms.
-- Every row knows its administrative unit (by id: a code can name another unit in another
-- period, docs/domain.md §6), so many provinces coexist; counts for a unit's subtree filter on
-- unit_id = ANY(...) and a date, hence the (unit_id, date) indexes.

CREATE TABLE workforce_member (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id      BIGINT       NOT NULL REFERENCES administrative_unit (id),
  full_name    VARCHAR(200) NOT NULL,
  role         VARCHAR(32)  NOT NULL CHECK (role IN ('COMMUNE_OFFICER', 'COLLABORATOR', 'VOLUNTEER',
                 'SOCIAL_WORKER', 'POLICE_INVESTIGATOR')),
  sex          VARCHAR(8)   NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  agency_id    BIGINT REFERENCES agency (id),
  active_from  DATE         NOT NULL,
  active_to    DATE,
  entered_by   VARCHAR(100) NOT NULL,
  entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (active_to IS NULL OR active_from <= active_to)
);
CREATE INDEX workforce_member_unit_idx ON workforce_member (unit_id, active_from);

CREATE TABLE training (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     BIGINT       NOT NULL REFERENCES administrative_unit (id),
  held_on     DATE         NOT NULL,
  topic       VARCHAR(300) NOT NULL,
  organiser   VARCHAR(200) NOT NULL,
  kind        VARCHAR(40)  NOT NULL CHECK (kind IN ('CHILD_PROTECTION_SKILLS', 'CHILD_FRIENDLY_INVESTIGATION',
                'SCHOOL_VIOLENCE', 'HEALTH_CARE')),
  entered_by  VARCHAR(100) NOT NULL,
  entered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_unit_idx ON training (unit_id, held_on);

-- Participants by role and sex as counted at the training (people who may not be on the
-- roster); when the roster participants are chosen too, the counts must match them.
CREATE TABLE training_tally (
  training_id  BIGINT      NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  role         VARCHAR(32) NOT NULL CHECK (role IN ('COMMUNE_OFFICER', 'COLLABORATOR', 'VOLUNTEER',
                 'SOCIAL_WORKER', 'POLICE_INVESTIGATOR')),
  sex          VARCHAR(8)  NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  participants INT         NOT NULL CHECK (participants >= 0),
  PRIMARY KEY (training_id, role, sex)
);

-- "Trained" is counted from this roster link, never typed in.
CREATE TABLE training_participant (
  training_id         BIGINT NOT NULL REFERENCES training (id) ON DELETE CASCADE,
  workforce_member_id BIGINT NOT NULL REFERENCES workforce_member (id),
  PRIMARY KEY (training_id, workforce_member_id)
);
CREATE INDEX training_participant_member_idx ON training_participant (workforce_member_id, training_id);

CREATE TABLE communication_event (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     BIGINT       NOT NULL REFERENCES administrative_unit (id),
  held_on     DATE         NOT NULL,
  type        VARCHAR(200) NOT NULL,
  channel     VARCHAR(200) NOT NULL,
  audience    VARCHAR(200) NOT NULL,
  reach       INT          NOT NULL CHECK (reach >= 0),
  materials   VARCHAR(1000),
  entered_by  VARCHAR(100) NOT NULL,
  entered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX communication_event_unit_idx ON communication_event (unit_id, held_on);

-- Households the event identified (household code of the residence register), so households
-- reached are counted once across events.
CREATE TABLE communication_event_household (
  event_id       BIGINT      NOT NULL REFERENCES communication_event (id) ON DELETE CASCADE,
  household_code VARCHAR(30) NOT NULL,
  PRIMARY KEY (event_id, household_code)
);
CREATE INDEX communication_event_household_code_idx ON communication_event_household (household_code);

CREATE TABLE facility (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id     BIGINT       NOT NULL REFERENCES administrative_unit (id),
  kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('SCHOOL', 'HEALTH_FACILITY')),
  name        VARCHAR(300) NOT NULL,
  entered_by  VARCHAR(100) NOT NULL,
  entered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX facility_unit_idx ON facility (unit_id, kind);

-- One capacity check of a facility on a date: the checklist items of its kind (the others
-- stay NULL). Schools: prevention session held this school year, hotline 111 promoted.
-- Health facilities: intake procedure for abused children, trained staff, counselling.
CREATE TABLE facility_check (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  facility_id        BIGINT  NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  checked_on         DATE    NOT NULL,
  prevention_session BOOLEAN,
  hotline_promoted   BOOLEAN,
  intake_procedure   BOOLEAN,
  trained_staff      BOOLEAN,
  counselling        BOOLEAN,
  entered_by         VARCHAR(100) NOT NULL,
  entered_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX facility_check_facility_idx ON facility_check (facility_id, checked_on);

CREATE TABLE interview_room (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id         BIGINT       NOT NULL REFERENCES administrative_unit (id),
  name            VARCHAR(300) NOT NULL,
  established_on  DATE         NOT NULL,
  child_friendly  BOOLEAN      NOT NULL,
  entered_by      VARCHAR(100) NOT NULL,
  entered_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interview_room_unit_idx ON interview_room (unit_id, established_on);
