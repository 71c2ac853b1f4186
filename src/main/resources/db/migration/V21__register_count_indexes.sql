-- The city dashboard counts the roster of a province per unit and year in one pass:
-- this index holds every column that pass reads, so PostgreSQL answers it from the
-- index alone once the table's pages are marked all-visible by (auto)vacuum.
CREATE INDEX workforce_member_counts_idx ON workforce_member (unit_id)
  INCLUDE (role, active_from, active_to, first_trained_on, first_investigation_training_on);
