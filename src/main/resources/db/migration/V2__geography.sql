-- Effective-dated administrative units (docs/domain.md §6). A code is unique only within its
-- validity period: 31120 is "Phường An Hòa" until 2025-06-30 and "Phường Cái Khế" after.
CREATE TABLE administrative_unit (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            VARCHAR(10)  NOT NULL,
  level           VARCHAR(16)  NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
  unit_type       VARCHAR(64)  NOT NULL,
  unit_type_label VARCHAR(64)  NOT NULL,
  name            VARCHAR(200) NOT NULL,
  full_name       VARCHAR(200) NOT NULL,
  name_en         VARCHAR(200),
  alt_name        VARCHAR(200),
  search_key      VARCHAR(400) NOT NULL,
  parent_id       BIGINT REFERENCES administrative_unit (id),
  valid_from      DATE,        -- NULL: valid since before the data starts
  valid_to        DATE,        -- NULL: still valid (inclusive last day otherwise)
  note            TEXT,
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX administrative_unit_code_idx ON administrative_unit (code);
CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_id);

CREATE FUNCTION administrative_unit_code_unique_in_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM administrative_unit u
             WHERE u.id <> NEW.id AND u.level = NEW.level AND u.code = NEW.code
               AND daterange(COALESCE(u.valid_from, '-infinity'::date), COALESCE(u.valid_to, 'infinity'::date), '[]')
                && daterange(COALESCE(NEW.valid_from, '-infinity'::date), COALESCE(NEW.valid_to, 'infinity'::date), '[]')) THEN
    RAISE EXCEPTION 'administrative unit code % (%) is already used in an overlapping period', NEW.code, NEW.level
      USING ERRCODE = '23505';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER administrative_unit_code_unique_in_period
  BEFORE INSERT OR UPDATE ON administrative_unit
  FOR EACH ROW EXECUTE FUNCTION administrative_unit_code_unique_in_period();

-- Old unit -> unit that took it over. PARTIAL rows mark a split: never resolved automatically.
CREATE TABLE administrative_unit_succession (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  predecessor_id BIGINT      NOT NULL REFERENCES administrative_unit (id),
  successor_id   BIGINT      NOT NULL REFERENCES administrative_unit (id),
  kind           VARCHAR(16) NOT NULL CHECK (kind IN ('WHOLE', 'PARTIAL', 'UNCHANGED')),
  effective_on   DATE        NOT NULL,
  legal_basis    VARCHAR(100),
  UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX administrative_unit_succession_successor_idx ON administrative_unit_succession (successor_id);

-- Which reference files were imported, so every start imports each file exactly once.
CREATE TABLE reference_data_import (
  file_name     VARCHAR(200) PRIMARY KEY,
  sha256        CHAR(64)     NOT NULL,
  rows_imported INT          NOT NULL,
  imported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
