-- The case a report went into, as the report page and the inbox name it. Intake keeps it
-- from the event the case work publishes (the case work depends on intake, not the other
-- way); reports taken in before this column are filled from the case work's link.
ALTER TABLE report ADD COLUMN case_id UUID;
ALTER TABLE report ADD COLUMN case_code VARCHAR(20);
UPDATE report r SET case_id = cr.case_id, case_code = pc.reference_code
  FROM case_report cr JOIN protection_case pc ON pc.id = cr.case_id
  WHERE cr.report_id = r.id;

-- A reported child's folded name (VietnameseText.fold), which the inbox searches. Rows
-- written before it take the registry's key where the registry holds the same name; the
-- search also matches the registry's key, so a row left without one is still found.
ALTER TABLE report_child ADD COLUMN name_key text;
UPDATE report_child rc SET name_key = c.name_key
  FROM child c
  WHERE c.id = rc.child_id AND c.full_name = rc.full_name;

-- A search by the reporter's phone (for those who may see the reporter) looks it up.
CREATE INDEX report_reporter_phone_idx ON report (reporter_phone) WHERE reporter_phone IS NOT NULL;
