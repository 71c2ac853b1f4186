-- Register records can be corrected and deleted: each row gets a version
-- for optimistic locking, so an edit or deletion made from a page read before someone
-- else's change is refused instead of silently overwriting it.
ALTER TABLE workforce_member ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE training ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE communication_event ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE facility ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE facility_check ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE interview_room ADD COLUMN version INT NOT NULL DEFAULT 0;
