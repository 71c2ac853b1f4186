-- The city dashboard finds, per facility and year, whether a prevention session was held and
-- what the latest check found (for the city dashboard's counts). Both are read from every check of a province on
-- every request; these columns are the check's own year and its (date, id, verdict) ordering key,
-- derived from the row alone by PostgreSQL, so the reading does no per-row arithmetic.
ALTER TABLE facility_check
  ADD COLUMN checked_year INT GENERATED ALWAYS AS (date_part('year', checked_on)::int) STORED,
  ADD COLUMN verdict_key BIGINT GENERATED ALWAYS AS (((checked_on - DATE '1900-01-01')::bigint << 40) | (id << 1)
    | CASE WHEN intake_procedure AND trained_staff AND counselling THEN 1 ELSE 0 END) STORED;
