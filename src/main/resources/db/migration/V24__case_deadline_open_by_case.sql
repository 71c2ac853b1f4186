-- A case's next deadline is its earliest open one. Without this index PostgreSQL answered
-- "ORDER BY due_at LIMIT 1" for one case by walking the open deadlines of every case in due
-- order (case_deadline_open_idx) until it met one of this case: 1.3 ms per case write in the
-- intake benchmark, and growing with the number of open cases.
CREATE INDEX case_deadline_case_open_idx ON case_deadline (case_id, due_at) WHERE met_at IS NULL;
