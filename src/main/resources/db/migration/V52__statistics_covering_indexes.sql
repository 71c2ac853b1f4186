-- Indexes that let the KPI statements read the read model's clocks, assessments and
-- closings of a period from the index alone (no visit to each row), for the dashboard's
-- six half-year trends over a province's whole history.
CREATE INDEX stat_case_deadline_started_idx ON stat_case_deadline (step, started_at) INCLUDE (unit_id, met_at, due_at);
CREATE INDEX stat_case_assessed_idx ON stat_case (initial_assessment_at) INCLUDE (unit_id, received_at)
  WHERE initial_assessment_at IS NOT NULL;
CREATE INDEX stat_case_closure_closed_idx ON stat_case_closure (closed_at) INCLUDE (unit_id, reopened_at, case_id);
-- They replace the narrower indexes on the same leading columns.
DROP INDEX stat_case_deadline_step_idx;
DROP INDEX stat_case_closure_idx;
-- The cases closed since an instant (with the open ones of stat_case_open_idx: the cases
-- not closed at that instant).
CREATE INDEX stat_case_closed_idx ON stat_case (closed_at) WHERE closed_at IS NOT NULL;
