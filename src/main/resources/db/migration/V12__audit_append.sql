-- Appends a transaction's audit entries to the hash chain in one round trip. The chain is
-- serialised by an advisory lock held to the end of the transaction, so the work done
-- while holding it decides how many transactions a second can be audited: here a call and
-- the commit. The application computes each entry's canonical text without its id and
-- previous hash (p_tails); the hash is SHA-256 over id, that text and the previous hash,
-- joined by U+001F, exactly as vn.trean.audit.AuditLog.hash recomputes it when verifying.
-- Each statement of a volatile function sees what was committed before it started, so
-- the previous hash is read after the lock is granted.
CREATE FUNCTION audit_append(p_occurred TIMESTAMP WITH TIME ZONE[], p_actors TEXT[], p_actions TEXT[],
                             p_target_types TEXT[], p_target_ids TEXT[], p_clients TEXT[],
                             p_outcomes TEXT[], p_details TEXT[], p_tails TEXT[])
  RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous TEXT;
  entry_id BIGINT;
  entry_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_entry_chain'));
  SELECT hash INTO previous FROM audit_entry ORDER BY id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  FOR i IN 1 .. coalesce(array_length(p_tails, 1), 0) LOOP
    entry_id := nextval('audit_entry_seq');
    entry_hash := encode(sha256(convert_to(entry_id::text || chr(31) || p_tails[i] || chr(31) || previous, 'UTF8')), 'hex');
    INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, client_address, outcome,
                             detail, previous_hash, hash)
    VALUES (entry_id, p_occurred[i], p_actors[i], p_actions[i], p_target_types[i], p_target_ids[i], p_clients[i],
            p_outcomes[i], p_details[i], previous, entry_hash);
    previous := entry_hash;
  END LOOP;
  RETURN entry_id;
END $$;
