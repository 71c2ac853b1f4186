-- The child registry. Search keys are folded (VietnameseText.fold): no diacritics, lower case.
CREATE TABLE child (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name               VARCHAR(200) NOT NULL,
  name_key                VARCHAR(200) NOT NULL,
  given_key               VARCHAR(60)  NOT NULL,
  sex                     VARCHAR(10)  NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'UNKNOWN')),
  birth_date              DATE,
  birth_date_approximate  BOOLEAN      NOT NULL DEFAULT FALSE,
  birth_year              INT,
  personal_id             CHAR(12),
  residence_unit_id       BIGINT REFERENCES administrative_unit (id),
  address_detail          VARCHAR(300),
  school                  VARCHAR(200),
  parent_name             VARCHAR(200),
  parent_key              VARCHAR(200),
  demo                    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX child_personal_id_idx ON child (personal_id) WHERE personal_id IS NOT NULL;
CREATE INDEX child_name_key_idx ON child (name_key);
CREATE INDEX child_given_home_year_idx ON child (given_key, residence_unit_id, birth_year);
CREATE INDEX child_parent_given_idx ON child (parent_key, given_key) WHERE parent_key IS NOT NULL;
CREATE INDEX child_name_key_pattern_idx ON child (name_key text_pattern_ops);
