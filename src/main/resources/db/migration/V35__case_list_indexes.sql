-- The case lists search a child's folded name for the characters typed anywhere in it
-- (name_key LIKE '%...%'); a trigram index answers that without reading every child.
-- pg_trgm ships with PostgreSQL (contrib, in the standard packages) and is a trusted
-- extension: the database's owner creates it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX child_name_key_trigram_idx ON child USING gin (name_key gin_trgm_ops);
-- The lists draw a jurisdiction's cases held in its units or being transferred to them:
-- with an index on each side of that OR, PostgreSQL combines the two (a BitmapOr)
-- instead of reading every case. Open cases of a unit by their next deadline are the
-- lists' default order.
CREATE INDEX protection_case_transfer_idx ON protection_case (transfer_to_unit_id)
  WHERE transfer_to_unit_id IS NOT NULL;
CREATE INDEX protection_case_open_deadline_idx ON protection_case (unit_id, next_deadline_at)
  WHERE closed_at IS NULL;
