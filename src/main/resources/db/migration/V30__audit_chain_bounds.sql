-- The application's role may insert into the audit log, so what it may insert is bounded:
-- an entry belongs to one of the sixteen chains and has a positive id (an entry outside
-- them would stand alone and verify), and the number of entries from before the keyed
-- chain is recorded, so that a plain SHA-256 entry added among them is one too many.
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_chain_known CHECK (chain BETWEEN 0 AND 15);
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_id_positive CHECK (id > 0);

ALTER TABLE audit_chain_form ADD COLUMN legacy_entries BIGINT;
ALTER TABLE audit_chain_form DISABLE TRIGGER audit_chain_form_is_append_only;
UPDATE audit_chain_form SET legacy_entries =
  (SELECT count(*) FROM audit_entry WHERE key_id IS NULL AND id <= audit_chain_form.last_legacy_id);
ALTER TABLE audit_chain_form ENABLE TRIGGER audit_chain_form_is_append_only;
ALTER TABLE audit_chain_form ALTER COLUMN legacy_entries SET NOT NULL;
