-- The service catalogue of referrals (what an agency may be asked to do, by which sectors, in what time) and the
-- field set each sector sees: data an administrator edits. The list of services is the enum ReferralService.
CREATE TABLE referral_service_kind (
  code              VARCHAR(40) PRIMARY KEY,
  purpose           VARCHAR(30) NOT NULL,
  response_amount   INT         NOT NULL CHECK (response_amount BETWEEN 1 AND 366),
  response_unit     VARCHAR(20) NOT NULL CHECK (response_unit IN ('HOURS', 'WORKING_DAYS', 'DAYS')),
  completion_amount INT         NOT NULL CHECK (completion_amount BETWEEN 1 AND 366),
  completion_unit   VARCHAR(20) NOT NULL CHECK (completion_unit IN ('HOURS', 'WORKING_DAYS', 'DAYS')),
  active            BOOLEAN     NOT NULL DEFAULT TRUE,
  sort              INT         NOT NULL,
  changed_by        BIGINT REFERENCES app_user (id),
  changed_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE referral_service_sector (
  service VARCHAR(40) NOT NULL REFERENCES referral_service_kind (code),
  sector  VARCHAR(40) NOT NULL,
  PRIMARY KEY (service, sector)
);

-- Clocks of a referral that are not per service. FORWARDING is Decree 56's: the police forward a crime report to
-- the investigation agency within 24 hours of receiving it; fixed by law.
CREATE TABLE referral_clock_rule (
  clock     VARCHAR(20) PRIMARY KEY,
  amount    INT         NOT NULL CHECK (amount BETWEEN 1 AND 366),
  unit      VARCHAR(20) NOT NULL CHECK (unit IN ('HOURS', 'WORKING_DAYS', 'DAYS')),
  statutory BOOLEAN     NOT NULL
);
INSERT INTO referral_clock_rule (clock, amount, unit, statutory) VALUES ('FORWARDING', 24, 'HOURS', TRUE);

-- Defaults (only the 24 hours above is law; these are ours, to be confirmed by the province). Completion counts
-- from acceptance.
INSERT INTO referral_service_kind (code, purpose, response_amount, response_unit, completion_amount, completion_unit, sort)
VALUES ('MEDICAL_EXAMINATION_TREATMENT', 'HEALTH_CARE', 12, 'HOURS', 5, 'WORKING_DAYS', 10),
       ('FORENSIC_EXAMINATION', 'HEALTH_CARE', 12, 'HOURS', 3, 'WORKING_DAYS', 20),
       ('PSYCHOLOGICAL_COUNSELLING', 'PSYCHOSOCIAL_SUPPORT', 2, 'WORKING_DAYS', 20, 'WORKING_DAYS', 30),
       ('SCHOOL_SUPPORT', 'EDUCATION_SUPPORT', 2, 'WORKING_DAYS', 10, 'WORKING_DAYS', 40),
       ('LEGAL_ADVICE_AID', 'LEGAL_AID', 3, 'WORKING_DAYS', 20, 'WORKING_DAYS', 50),
       ('TEMPORARY_SHELTER', 'SHELTER_AND_CARE', 12, 'HOURS', 15, 'DAYS', 60),
       ('ALTERNATIVE_CARE', 'SHELTER_AND_CARE', 3, 'WORKING_DAYS', 20, 'WORKING_DAYS', 70),
       ('SOCIAL_WORK_FOLLOW_UP', 'SOCIAL_WORK', 2, 'WORKING_DAYS', 20, 'WORKING_DAYS', 80),
       ('CRIME_INVESTIGATION', 'INVESTIGATION', 12, 'HOURS', 20, 'DAYS', 90),
       ('OTHER', 'OTHER', 3, 'WORKING_DAYS', 20, 'WORKING_DAYS', 100);

INSERT INTO referral_service_sector (service, sector)
VALUES ('MEDICAL_EXAMINATION_TREATMENT', 'HEALTH_FACILITY'),
       ('FORENSIC_EXAMINATION', 'HEALTH_FACILITY'),
       ('PSYCHOLOGICAL_COUNSELLING', 'HEALTH_FACILITY'),
       ('PSYCHOLOGICAL_COUNSELLING', 'SOCIAL_WORK_CENTRE'),
       ('PSYCHOLOGICAL_COUNSELLING', 'SHELTER_OR_NGO'),
       ('SCHOOL_SUPPORT', 'SCHOOL'),
       ('SCHOOL_SUPPORT', 'EDUCATION_DEPARTMENT'),
       ('LEGAL_ADVICE_AID', 'JUSTICE_AND_LEGAL_AID'),
       ('TEMPORARY_SHELTER', 'SHELTER_OR_NGO'),
       ('TEMPORARY_SHELTER', 'SOCIAL_WORK_CENTRE'),
       ('ALTERNATIVE_CARE', 'SHELTER_OR_NGO'),
       ('ALTERNATIVE_CARE', 'SOCIAL_WORK_CENTRE'),
       ('SOCIAL_WORK_FOLLOW_UP', 'SOCIAL_WORK_CENTRE'),
       ('CRIME_INVESTIGATION', 'POLICE');
INSERT INTO referral_service_sector (service, sector)
SELECT 'OTHER', s FROM unnest(ARRAY['SOCIAL_WORK_CENTRE', 'SCHOOL', 'EDUCATION_DEPARTMENT', 'HEALTH_FACILITY',
  'HEALTH_DEPARTMENT', 'POLICE', 'PROCURACY', 'COURT', 'JUSTICE_AND_LEGAL_AID', 'WOMENS_UNION', 'YOUTH_UNION',
  'SHELTER_OR_NGO', 'OTHER']) AS s;

-- One row that moves with every change of the tables above and below, in the same transaction, so each
-- application instance can tell cheaply whether its cached settings are still current (as calendar_revision).
CREATE SEQUENCE referral_settings_revision_seq;
CREATE TABLE referral_settings_revision (
  only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
  revision BIGINT  NOT NULL
);
INSERT INTO referral_settings_revision (revision) VALUES (nextval('referral_settings_revision_seq'));

-- What each sector's agencies see of a referral: one row per shared field.
CREATE TABLE share_field_set (
  sector VARCHAR(40) NOT NULL,
  field  VARCHAR(40) NOT NULL,
  PRIMARY KEY (sector, field)
);

-- Whether the reporter's identity may be shared with the sector at all, and then only when the officer shares it
-- explicitly on one referral (logged).
CREATE TABLE share_sector_option (
  sector                     VARCHAR(40) PRIMARY KEY,
  reporter_on_explicit_share BOOLEAN     NOT NULL DEFAULT FALSE,
  changed_by                 BIGINT REFERENCES app_user (id),
  changed_at                 TIMESTAMP WITH TIME ZONE
);

INSERT INTO share_field_set (sector, field)
SELECT s, f FROM unnest(ARRAY['SOCIAL_WORK_CENTRE', 'SCHOOL', 'EDUCATION_DEPARTMENT', 'HEALTH_FACILITY',
  'HEALTH_DEPARTMENT', 'POLICE', 'PROCURACY', 'COURT', 'JUSTICE_AND_LEGAL_AID', 'WOMENS_UNION', 'YOUTH_UNION',
  'SHELTER_OR_NGO', 'OTHER']) AS s,
  unnest(ARRAY['CHILD_NAME', 'CHILD_SEX', 'CHILD_AGE', 'SUPPORT_REQUESTED', 'CASE_OFFICER_CONTACT']) AS f;
INSERT INTO share_field_set (sector, field)
SELECT s, f FROM (VALUES
  ('SCHOOL', 'CHILD_SCHOOL'), ('SCHOOL', 'CHILD_CLASS'),
  ('EDUCATION_DEPARTMENT', 'CHILD_SCHOOL'), ('EDUCATION_DEPARTMENT', 'CHILD_CLASS'),
  ('HEALTH_FACILITY', 'CHILD_BIRTH_DATE'), ('HEALTH_FACILITY', 'HARM_FORMS'), ('HEALTH_FACILITY', 'INCIDENT_TIME'),
  ('HEALTH_FACILITY', 'INJURIES_AND_DANGER_SIGNS'),
  ('HEALTH_DEPARTMENT', 'CHILD_BIRTH_DATE'), ('HEALTH_DEPARTMENT', 'HARM_FORMS'), ('HEALTH_DEPARTMENT', 'INCIDENT_TIME'),
  ('HEALTH_DEPARTMENT', 'INJURIES_AND_DANGER_SIGNS'),
  ('POLICE', 'CHILD_BIRTH_DATE'), ('POLICE', 'CHILD_ID_NUMBER'), ('POLICE', 'CHILD_ADDRESS'),
  ('POLICE', 'CARER_CONTACT'), ('POLICE', 'HARM_FORMS'), ('POLICE', 'HARM_SETTING'), ('POLICE', 'INCIDENT_PLACE'),
  ('POLICE', 'INCIDENT_TIME'), ('POLICE', 'ACCOUNT'), ('POLICE', 'PERPETRATOR'),
  ('JUSTICE_AND_LEGAL_AID', 'CHILD_BIRTH_DATE'), ('JUSTICE_AND_LEGAL_AID', 'CHILD_ID_NUMBER'),
  ('JUSTICE_AND_LEGAL_AID', 'CHILD_ADDRESS'), ('JUSTICE_AND_LEGAL_AID', 'CARER_CONTACT'),
  ('JUSTICE_AND_LEGAL_AID', 'LEGAL_QUESTION'),
  ('SHELTER_OR_NGO', 'HEALTH_NEEDS'), ('SHELTER_OR_NGO', 'VISITING_CARER'),
  ('SOCIAL_WORK_CENTRE', 'CHILD_BIRTH_DATE'), ('SOCIAL_WORK_CENTRE', 'CHILD_ID_NUMBER'),
  ('SOCIAL_WORK_CENTRE', 'CHILD_ADDRESS'), ('SOCIAL_WORK_CENTRE', 'CARER_CONTACT'),
  ('SOCIAL_WORK_CENTRE', 'HARM_FORMS'), ('SOCIAL_WORK_CENTRE', 'HARM_SETTING'), ('SOCIAL_WORK_CENTRE', 'HEALTH_NEEDS')
) AS d (s, f);
INSERT INTO share_sector_option (sector, reporter_on_explicit_share) VALUES ('POLICE', TRUE);
