-- When each member of the workforce roster was first trained (any kind), and first trained in
-- child-friendly investigation: derived from training_participant and training, kept in the
-- same transaction as every change to them by the triggers below, so the city dashboard counts
-- "trained" by reading the roster once instead of aggregating every participation on every
-- request (for the city dashboard's counts). The definition stays the participation rows: RegisterCounts.trace
-- lists them, and a test compares both.
ALTER TABLE workforce_member ADD COLUMN first_trained_on DATE;
ALTER TABLE workforce_member ADD COLUMN first_investigation_training_on DATE;

-- Statement-level triggers with transition tables: a bulk insert of participations updates
-- each member once, in one set-based statement.
CREATE FUNCTION workforce_member_refresh_trainings(members BIGINT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE workforce_member m SET
    first_trained_on = f.any_kind,
    first_investigation_training_on = f.investigation
  FROM (SELECT x.id AS member, min(t.held_on) AS any_kind,
          min(t.held_on) FILTER (WHERE t.kind = 'CHILD_FRIENDLY_INVESTIGATION') AS investigation
        FROM unnest(members) AS x(id)
        LEFT JOIN training_participant p ON p.workforce_member_id = x.id
        LEFT JOIN training t ON t.id = p.training_id
        GROUP BY x.id) f
  WHERE m.id = f.member
    AND (m.first_trained_on IS DISTINCT FROM f.any_kind
      OR m.first_investigation_training_on IS DISTINCT FROM f.investigation);
$$;

CREATE FUNCTION training_participants_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workforce_member_refresh_trainings(ARRAY(SELECT DISTINCT workforce_member_id FROM added));
  RETURN NULL;
END $$;

CREATE TRIGGER training_participants_added
  AFTER INSERT ON training_participant REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION training_participants_added();

CREATE FUNCTION training_participants_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workforce_member_refresh_trainings(ARRAY(SELECT DISTINCT workforce_member_id FROM removed));
  RETURN NULL;
END $$;

CREATE TRIGGER training_participants_removed
  AFTER DELETE ON training_participant REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION training_participants_removed();

CREATE FUNCTION training_participants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workforce_member_refresh_trainings(ARRAY(
    SELECT workforce_member_id FROM removed UNION SELECT workforce_member_id FROM added));
  RETURN NULL;
END $$;

CREATE TRIGGER training_participants_changed
  AFTER UPDATE ON training_participant REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION training_participants_changed();

CREATE FUNCTION trainings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workforce_member_refresh_trainings(ARRAY(
    SELECT DISTINCT p.workforce_member_id
    FROM after a JOIN before b ON b.id = a.id JOIN training_participant p ON p.training_id = a.id
    WHERE a.held_on IS DISTINCT FROM b.held_on OR a.kind IS DISTINCT FROM b.kind));
  RETURN NULL;
END $$;

CREATE TRIGGER trainings_changed
  AFTER UPDATE ON training REFERENCING OLD TABLE AS before NEW TABLE AS after
  FOR EACH STATEMENT EXECUTE FUNCTION trainings_changed();

UPDATE workforce_member m SET
  first_trained_on = f.any_kind,
  first_investigation_training_on = f.investigation
FROM (SELECT p.workforce_member_id AS member, min(t.held_on) AS any_kind,
        min(t.held_on) FILTER (WHERE t.kind = 'CHILD_FRIENDLY_INVESTIGATION') AS investigation
      FROM training_participant p JOIN training t ON t.id = p.training_id
      GROUP BY p.workforce_member_id) f
WHERE m.id = f.member;
