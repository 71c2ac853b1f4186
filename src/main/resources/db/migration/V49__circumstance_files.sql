-- The evidence file of a special-circumstance entry: encrypted at rest like a case attachment (the same key), the
-- associated data naming the file's id and its entry, so a ciphertext moved to another row no longer opens. A file is
-- never overwritten: each version of the entry names the file it carries, a correction without a new file keeps the
-- earlier version's one.
CREATE TABLE circumstance_file (
  id           UUID         PRIMARY KEY,
  entry_id     BIGINT       NOT NULL REFERENCES circumstance_entry (id),
  file_name    VARCHAR(200) NOT NULL,
  media_type   VARCHAR(40)  NOT NULL,
  size_bytes   INT          NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  sha256       BYTEA        NOT NULL CHECK (octet_length(sha256) = 32),
  ciphertext   BYTEA        NOT NULL,
  uploaded_by  BIGINT       NOT NULL REFERENCES app_user (id),
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX circumstance_file_entry_idx ON circumstance_file (entry_id);

ALTER TABLE circumstance_entry_version ADD COLUMN file_id UUID REFERENCES circumstance_file (id);
