-- The child population of a unit and year, entered like the other reference denominators:
-- the statistics give rates per 100 children of it.
ALTER TABLE reference_denominator DROP CONSTRAINT reference_denominator_kind_check;
ALTER TABLE reference_denominator ADD CONSTRAINT reference_denominator_kind_check CHECK (kind IN (
  'FAMILIES_WITH_CHILDREN', 'PUPILS', 'SCHOOLS', 'HEALTH_FACILITIES', 'INVESTIGATORS', 'WORKFORCE', 'CHILDREN'));
