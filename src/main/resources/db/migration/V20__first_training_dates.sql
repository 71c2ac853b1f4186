-- When each member of the workforce roster was first trained (any kind), and first trained in
-- child-friendly investigation: derived from training_participant and training, kept in the
-- same transaction as every change to them by the triggers below, so the city dashboard counts
-- "trained" by reading the roster once instead of aggregating every participation on every
-- request (issue 5 point 9). The definition stays the participation rows: RegisterCounts.trace
-- lists them, and a test compares both.
ALTER TABLE workforce_member ADD COLUMN first_trained_on DATE;
ALTER TABLE workforce_member ADD COLUMN first_investigation_training_on DATE;

CREATE FUNCTION workforce_member_refresh_training(member BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE workforce_member m SET
    first_trained_on = f.any_kind,
    first_investigation_training_on = f.investigation
  FROM (SELECT min(t.held_on) AS any_kind,
          min(t.held_on) FILTER (WHERE t.kind = 'CHILD_FRIENDLY_INVESTIGATION') AS investigation
        FROM training_participant p JOIN training t ON t.id = p.training_id
        WHERE p.workforce_member_id = member) f
  WHERE m.id = member
    AND (m.first_trained_on IS DISTINCT FROM f.any_kind
      OR m.first_investigation_training_on IS DISTINCT FROM f.investigation);
$$;

CREATE FUNCTION training_participant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM workforce_member_refresh_training(NEW.workforce_member_id);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM workforce_member_refresh_training(OLD.workforce_member_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER training_participant_changed
  AFTER INSERT OR UPDATE OR DELETE ON training_participant
  FOR EACH ROW EXECUTE FUNCTION training_participant_changed();

CREATE FUNCTION training_date_or_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM workforce_member_refresh_training(p.workforce_member_id)
  FROM training_participant p WHERE p.training_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER training_date_or_kind_changed
  AFTER UPDATE OF held_on, kind ON training
  FOR EACH ROW EXECUTE FUNCTION training_date_or_kind_changed();

UPDATE workforce_member m SET
  first_trained_on = f.any_kind,
  first_investigation_training_on = f.investigation
FROM (SELECT p.workforce_member_id AS member, min(t.held_on) AS any_kind,
        min(t.held_on) FILTER (WHERE t.kind = 'CHILD_FRIENDLY_INVESTIGATION') AS investigation
      FROM training_participant p JOIN training t ON t.id = p.training_id
      GROUP BY p.workforce_member_id) f
WHERE m.id = f.member;
