-- The first training dates of V20 are recomputed from the participations a transaction sees.
-- Two transactions adding participations of one member at the same time would each see only
-- their own, and the later update could keep a date that ignores the other's: the refresh now
-- first waits for any other writer of the members' rows, then reads (a statement with a
-- snapshot of its own, after that commit) every participation.
CREATE OR REPLACE FUNCTION workforce_member_refresh_trainings(members BIGINT[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM workforce_member WHERE id = ANY(members) ORDER BY id FOR NO KEY UPDATE;
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
