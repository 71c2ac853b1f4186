-- User accounts, their roles, second factor and API tokens.
CREATE TABLE app_user (
  id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username                 VARCHAR(64)  NOT NULL UNIQUE,
  display_name             VARCHAR(200) NOT NULL,
  email                    VARCHAR(254),
  password_hash            VARCHAR(200) NOT NULL,
  jurisdiction_id          BIGINT       NOT NULL REFERENCES administrative_unit (id),
  agency_id                BIGINT REFERENCES agency (id),
  enabled                  BOOLEAN      NOT NULL DEFAULT TRUE,
  demo                     BOOLEAN      NOT NULL DEFAULT FALSE,
  password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
  totp_secret              VARCHAR(64),
  totp_enrolled_at         TIMESTAMP WITH TIME ZONE,
  totp_last_used_step      BIGINT,
  failed_attempts          INT          NOT NULL DEFAULT 0,
  locked_until             TIMESTAMP WITH TIME ZONE,
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  version                  INT          NOT NULL DEFAULT 0
);
CREATE INDEX app_user_jurisdiction_idx ON app_user (jurisdiction_id);

CREATE TABLE app_user_role (
  user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(40) NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE recovery_code (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id   BIGINT   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash CHAR(64) NOT NULL,
  used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

CREATE TABLE api_token (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  token_hash   CHAR(64)     NOT NULL UNIQUE,
  agency_id    BIGINT       NOT NULL REFERENCES agency (id),
  permissions  VARCHAR(400) NOT NULL,
  created_by   BIGINT       NOT NULL REFERENCES app_user (id),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE
);
