-- The city dashboard counts, per commune and year, the schools that held a prevention session
-- and the health facilities whose latest check found them ready (for the city dashboard's counts). Both depend on
-- a facility's other checks of the same year; these two flags say where a check stands among
-- them, kept in the same transaction as every change to a facility's checks by the triggers
-- below, so the dashboard reads one check per facility and year instead of grouping them all on
-- every request. The definitions stay the checks themselves: RegisterCounts.trace lists them from
-- the rows, and a test compares the flags with them.
--   last_of_year          the facility's last check of its calendar year (by date, then id)
--   first_session_of_year the facility's first check of its year that recorded a prevention session
ALTER TABLE facility_check
  ADD COLUMN last_of_year BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN first_session_of_year BOOLEAN NOT NULL DEFAULT false;

-- Two transactions adding checks of one facility at the same time would each see only their
-- own new check: the first statement waits for the other writer of the facility's checks to
-- finish, so the second (with a snapshot of its own, after that commit) sees every check.
CREATE FUNCTION facility_checks_refresh_years(facilities BIGINT[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM facility WHERE id = ANY(facilities) ORDER BY id FOR NO KEY UPDATE;
  UPDATE facility_check c SET last_of_year = x.last, first_session_of_year = x.first_session
  FROM (SELECT id,
          id = first_value(id) OVER (PARTITION BY facility_id, checked_year
            ORDER BY checked_on DESC, id DESC) AS last,
          coalesce(prevention_session, false) AND id = first_value(id) OVER (
            PARTITION BY facility_id, checked_year, coalesce(prevention_session, false)
            ORDER BY checked_on, id) AS first_session
        FROM facility_check WHERE facility_id = ANY(facilities)) x
  WHERE c.id = x.id AND (c.last_of_year <> x.last OR c.first_session_of_year <> x.first_session);
$$;

CREATE FUNCTION facility_checks_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM facility_checks_refresh_years(ARRAY(SELECT DISTINCT facility_id FROM added));
  RETURN NULL;
END $$;

CREATE TRIGGER facility_checks_added
  AFTER INSERT ON facility_check REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION facility_checks_added();

CREATE FUNCTION facility_checks_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM facility_checks_refresh_years(ARRAY(SELECT DISTINCT facility_id FROM removed));
  RETURN NULL;
END $$;

CREATE TRIGGER facility_checks_removed
  AFTER DELETE ON facility_check REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION facility_checks_removed();

-- Only a change of facility, date or session moves a check among its year's: the flags' own
-- update (which fires this trigger again) changes none of them and stops here.
CREATE FUNCTION facility_checks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  facilities BIGINT[] := ARRAY(
    SELECT b.facility_id FROM before b JOIN after a ON a.id = b.id
    WHERE a.facility_id IS DISTINCT FROM b.facility_id OR a.checked_on IS DISTINCT FROM b.checked_on
      OR a.prevention_session IS DISTINCT FROM b.prevention_session
    UNION
    SELECT a.facility_id FROM before b JOIN after a ON a.id = b.id
    WHERE a.facility_id IS DISTINCT FROM b.facility_id OR a.checked_on IS DISTINCT FROM b.checked_on
      OR a.prevention_session IS DISTINCT FROM b.prevention_session);
BEGIN
  IF cardinality(facilities) > 0 THEN
    PERFORM facility_checks_refresh_years(facilities);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER facility_checks_changed
  AFTER UPDATE ON facility_check REFERENCING OLD TABLE AS before NEW TABLE AS after
  FOR EACH STATEMENT EXECUTE FUNCTION facility_checks_changed();

SELECT facility_checks_refresh_years(ARRAY(SELECT id FROM facility));

-- What the dashboard reads of those checks, from the index alone once vacuumed.
CREATE INDEX facility_check_last_of_year_idx ON facility_check (facility_id, checked_year)
  INCLUDE (verdict_key) WHERE last_of_year;
CREATE INDEX facility_check_first_session_idx ON facility_check (facility_id, checked_year)
  WHERE first_session_of_year;
