-- The Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư …, tones after the
-- bare letter): ICU's collation for Vietnamese, under one name. Every list ordered by a name
-- in SQL says ORDER BY ... COLLATE vietnamese; lists put together in Java sort with
-- vn.trean.shared.VietnameseText.ORDER, held to this order by a test. Creating it here makes
-- a PostgreSQL built without ICU fail at start-up, not on the first list shown.
CREATE COLLATION vietnamese (provider = icu, locale = 'vi-VN');
