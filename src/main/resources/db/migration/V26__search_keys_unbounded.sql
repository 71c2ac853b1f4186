-- A child's search keys are derived from the name (VietnameseText.fold). Folding
-- decomposes some scripts (a Hangul syllable becomes two or three letters), so a name
-- within its 200 characters could give a longer key and fail the insert. The keys have
-- no length of their own to keep: text, like the other derived columns.
ALTER TABLE child ALTER COLUMN name_key TYPE text;
ALTER TABLE child ALTER COLUMN given_key TYPE text;
ALTER TABLE child ALTER COLUMN parent_key TYPE text;
