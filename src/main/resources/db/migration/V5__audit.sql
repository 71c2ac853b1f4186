-- Append-only, hash-chained audit and access log. The application has no UPDATE or DELETE
-- path; the trigger refuses both so that tampering needs a database administrator, and the
-- hash chain then shows where.
CREATE TABLE audit_entry (
  id             BIGINT PRIMARY KEY,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(100) NOT NULL,
  action         VARCHAR(60)  NOT NULL,
  target_type    VARCHAR(60),
  target_id      VARCHAR(100),
  client_address VARCHAR(64),
  outcome        VARCHAR(20)  NOT NULL,
  detail         VARCHAR(1000),
  previous_hash  CHAR(64)     NOT NULL,
  hash           CHAR(64)     NOT NULL
);
CREATE SEQUENCE audit_entry_seq;
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END $$;

CREATE TRIGGER audit_entry_is_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
