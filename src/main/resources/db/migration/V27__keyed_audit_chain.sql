-- The audit chain keyed and anchored.
--
-- Each new entry carries an HMAC-SHA-256 under a key from the configuration (never stored
-- in the database) and the identifier of that key (key_id, a fingerprint of the key), so
-- someone who can write the table but does not hold the key cannot recompute a changed
-- entry's hash. Entries written before this migration keep their plain SHA-256 and no
-- key_id; audit_chain_form records the last of them, so a plain SHA-256 entry after it is
-- refused as a forgery, not verified as legacy.
--
-- The application computes the hashes (the key never leaves it): audit_reserve takes a
-- free chain's advisory lock exactly as audit_append did, and returns the chain, its head
-- hash and the ids for the entries; the application then inserts them in one statement
-- and commits, still under the lock. The function runs with the caller's rights: it needs
-- only SELECT on audit_entry and USAGE on its sequence.
--
-- audit_anchor keeps the anchors (entry count and head of each chain) that the
-- application also writes to its log; the verifier compares the table with the latest.
ALTER TABLE audit_entry ADD COLUMN key_id VARCHAR(16);

CREATE TABLE audit_chain_form (
  last_legacy_id BIGINT NOT NULL
);
INSERT INTO audit_chain_form (last_legacy_id) SELECT coalesce(max(id), 0) FROM audit_entry;

CREATE TABLE audit_anchor (
  id        BIGSERIAL PRIMARY KEY,
  taken_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  entries   BIGINT NOT NULL,
  anchor    VARCHAR(2000) NOT NULL
);

CREATE FUNCTION audit_anchor_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER audit_anchor_is_append_only
  BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_is_append_only();
CREATE TRIGGER audit_chain_form_is_append_only
  BEFORE UPDATE OR DELETE ON audit_chain_form
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_is_append_only();

DROP FUNCTION audit_append(TIMESTAMP WITH TIME ZONE[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[], TEXT[]);

CREATE FUNCTION audit_reserve(p_count INT, OUT chain_no INT, OUT previous TEXT, OUT ids BIGINT[])
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
DECLARE
  chains CONSTANT INT := 16;
  first_try INT := floor(random() * chains)::INT;
BEGIN
  FOR j IN 0 .. chains - 1 LOOP
    IF pg_try_advisory_xact_lock(hashtext('audit_entry_chain'), (first_try + j) % chains) THEN
      chain_no := (first_try + j) % chains;
      EXIT;
    END IF;
  END LOOP;
  IF chain_no IS NULL THEN
    chain_no := first_try;
    PERFORM pg_advisory_xact_lock(hashtext('audit_entry_chain'), chain_no);
  END IF;
  SELECT e.hash INTO previous FROM audit_entry e WHERE e.chain = chain_no ORDER BY e.id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  SELECT array_agg(n ORDER BY n) INTO ids FROM (SELECT nextval('audit_entry_seq') AS n FROM generate_series(1, p_count)) s;
END $$;
