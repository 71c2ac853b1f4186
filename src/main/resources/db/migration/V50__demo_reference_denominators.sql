-- Reference denominators the demo loader enters (the demo's child population) are flagged
-- like every other demo record; a figure entered by a person over it clears the flag.
ALTER TABLE reference_denominator ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
