-- Agencies and service providers that take part in child protection.
CREATE TABLE agency (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  search_key     VARCHAR(400) NOT NULL,
  sector         VARCHAR(40)  NOT NULL,
  unit_id        BIGINT       NOT NULL REFERENCES administrative_unit (id),
  address        VARCHAR(300),
  phone          VARCHAR(20),
  email          VARCHAR(254),
  contact_person VARCHAR(200),
  demo           BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        INT          NOT NULL DEFAULT 0
);
CREATE INDEX agency_unit_idx ON agency (unit_id);
