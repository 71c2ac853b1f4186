-- TOTP secrets are stored encrypted (AES-256-GCM, "v1:" + Base64): the column needs more room.
ALTER TABLE app_user ALTER COLUMN totp_secret TYPE VARCHAR(200);
