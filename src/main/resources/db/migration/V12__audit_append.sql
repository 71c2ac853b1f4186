-- The audit log as sixteen interleaved hash chains, appended in one round trip per
-- transaction.
--
-- Why: a single chain needs one lock held from reading the previous hash to the commit,
-- so every audited transaction in the system queued behind every other one (measured:
-- about 75 API reports a second, each waiting ~20 ms for the chain, on a machine half
-- idle). Each entry now belongs to one of 16 chains; a transaction takes the first chain
-- no other transaction holds (a try-lock per chain, starting at a random one) and waits
-- only when all 16 are taken. Each chain is complete and verified on its own: changing or
-- removing an entry breaks its chain exactly as before. Existing entries are chain 0.
--
-- The application computes each entry's canonical text without its id and previous hash
-- (p_tails); the hash is SHA-256 over id, that text and the previous hash of the same
-- chain, joined by U+001F, exactly as vn.trean.audit.AuditLog.hash recomputes it. Each
-- statement of a volatile function sees what was committed before it started, so the
-- previous hash is read after the chain's lock is granted.
ALTER TABLE audit_entry ADD COLUMN chain SMALLINT NOT NULL DEFAULT 0;
CREATE INDEX audit_entry_chain_idx ON audit_entry (chain, id);

CREATE FUNCTION audit_append(p_occurred TIMESTAMP WITH TIME ZONE[], p_actors TEXT[], p_actions TEXT[],
                             p_target_types TEXT[], p_target_ids TEXT[], p_clients TEXT[],
                             p_outcomes TEXT[], p_details TEXT[], p_tails TEXT[])
  RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  chains CONSTANT INT := 16;
  first_try INT := floor(random() * chains)::INT;
  chain_no INT;
  previous TEXT;
  entry_id BIGINT;
  entry_hash TEXT;
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
  SELECT hash INTO previous FROM audit_entry WHERE chain = chain_no ORDER BY id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  FOR i IN 1 .. coalesce(array_length(p_tails, 1), 0) LOOP
    entry_id := nextval('audit_entry_seq');
    entry_hash := encode(sha256(convert_to(entry_id::TEXT || chr(31) || p_tails[i] || chr(31) || previous, 'UTF8')), 'hex');
    INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, client_address, outcome,
                             detail, previous_hash, hash, chain)
    VALUES (entry_id, p_occurred[i], p_actors[i], p_actions[i], p_target_types[i], p_target_ids[i], p_clients[i],
            p_outcomes[i], p_details[i], previous, entry_hash, chain_no);
    previous := entry_hash;
  END LOOP;
  RETURN entry_id;
END $$;
