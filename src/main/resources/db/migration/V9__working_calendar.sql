-- The working-day calendar for legal deadlines counted in working days (docs/domain.md §2):
-- Saturdays and Sundays are days off; this table lists the exceptions. HOLIDAY is a
-- weekday (or, for clarity, a weekend day of a holiday break) on which public bodies do
-- not work; WORKING_DAY is a Saturday or Sunday that is worked because the Government
-- swapped it with a weekday. Administrators edit it at /calendar.
CREATE TABLE calendar_day (
  day        DATE         PRIMARY KEY,
  kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKING_DAY')),
  name       VARCHAR(200) NOT NULL,
  changed_by VARCHAR(64)  NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT calendar_day_swapped_day_is_a_weekend CHECK (kind = 'HOLIDAY' OR EXTRACT(ISODOW FROM day) IN (6, 7))
);

-- One row that changes with every edit of calendar_day, in the same transaction, so each
-- application instance can tell cheaply whether its cached calendar is still current. The
-- values come from a sequence, so a rolled-back edit never hands its number to another.
CREATE SEQUENCE calendar_revision_seq;
CREATE TABLE calendar_revision (
  only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
  revision BIGINT  NOT NULL
);
INSERT INTO calendar_revision (revision) VALUES (nextval('calendar_revision_seq'));

-- Seed: public holidays for civil servants (Labour Code 2019 art. 112, and the
-- Government's annual notices on Tết and swapped days) for 2025, 2026 and 2027.
-- Lunar dates (Tết, Hùng Kings' day 10/3) follow the Vietnamese lunar calendar (UTC+7);
-- the tests recompute them. Rows whose name says "cần xác nhận" are a best reading, not a
-- published notice: administrators must confirm them against the Government's annual
-- notice. Not seeded: "Ngày Văn hóa Việt Nam" 24/11 (Politburo Resolution 80-NQ/TW of
-- January 2026 decided it should become a paid day off; add it here once the Labour Code
-- or a decree makes it one).
INSERT INTO calendar_day (day, kind, name, changed_by, changed_at) VALUES
-- 2025
('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', 'system', now()),
('2025-01-25', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (26 tháng Chạp)', 'system', now()),
('2025-01-26', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (27 tháng Chạp)', 'system', now()),
('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', 'system', now()),
('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp, giao thừa)', 'system', now()),
('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 1)', 'system', now()),
('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 2)', 'system', now()),
('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 3)', 'system', now()),
('2025-02-01', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 4)', 'system', now()),
('2025-02-02', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 5)', 'system', now()),
('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'system', now()),
('2025-04-26', 'WORKING_DAY', 'Làm việc bù cho thứ Sáu 02/05/2025 (hoán đổi)', 'system', now()),
('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'system', now()),
('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', 'system', now()),
('2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)', 'system', now()),
('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'system', now()),
('2025-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'system', now()),
-- 2026. Tết Dương lịch swap: Government Office letter 12729/VPCP-KGVX of 25/12/2025.
-- Tết: 14/2–22/2/2026 as announced. Quốc khánh: the Ministry of Home Affairs' plan swaps
-- Monday 31/8 with Saturday 22/8 for a 29/8–2/9 break.
('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', 'system', now()),
('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'system', now()),
('2026-01-10', 'WORKING_DAY', 'Làm việc bù cho thứ Sáu 02/01/2026 (hoán đổi)', 'system', now()),
('2026-02-14', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (27 tháng Chạp)', 'system', now()),
('2026-02-15', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (28 tháng Chạp)', 'system', now()),
('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp, giao thừa)', 'system', now()),
('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)', 'system', now()),
('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2)', 'system', now()),
('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3)', 'system', now()),
('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4)', 'system', now()),
('2026-02-21', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 5)', 'system', now()),
('2026-02-22', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 6)', 'system', now()),
('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)', 'system', now()),
('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)', 'system', now()),
('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'system', now()),
('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', 'system', now()),
('2026-08-22', 'WORKING_DAY', 'Làm việc bù cho thứ Hai 31/08/2026 (hoán đổi, theo phương án của Bộ Nội vụ – cần xác nhận)', 'system', now()),
('2026-08-31', 'HOLIDAY', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026; theo phương án của Bộ Nội vụ – cần xác nhận)', 'system', now()),
('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'system', now()),
('2026-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'system', now()),
-- 2027: no notice published yet. Tết Nguyên đán is 6/2/2027 (a Saturday); five Tết days
-- 29 Chạp..mùng 4 (5/2–9/2) with compensatory days 10/2 and 11/2 for the two that fall on
-- the weekend (art. 112(3)); the Government may choose other days or swaps.
('2027-01-01', 'HOLIDAY', 'Tết Dương lịch', 'system', now()),
('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp, giao thừa) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-06', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 1) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-07', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 2) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-10', 'HOLIDAY', 'Nghỉ bù Tết Nguyên đán (mùng 1 trùng thứ Bảy) – dự kiến, cần xác nhận', 'system', now()),
('2027-02-11', 'HOLIDAY', 'Nghỉ bù Tết Nguyên đán (mùng 2 trùng Chủ nhật) – dự kiến, cần xác nhận', 'system', now()),
('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'system', now()),
('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', 'system', now()),
('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5, thứ Bảy)', 'system', now()),
('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động (trùng thứ Bảy)', 'system', now()),
('2027-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', 'system', now()),
('2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề) – dự kiến, cần xác nhận', 'system', now());
