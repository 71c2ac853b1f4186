-- A child's reference: the only name for a child that leaves the server (the report form's
-- choices, the intake API). Random, so that no one can count or guess children; the
-- sequential id stays internal.
ALTER TABLE child ADD COLUMN reference UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX child_reference_idx ON child (reference);
