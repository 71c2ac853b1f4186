/**
 * The directory of agencies and service providers that take part in child protection (the
 * provincial authority, commune committees, hotlines, schools, health facilities, police,
 * …), where each belongs and how to reach it; and the national working-day calendar that
 * deadlines counted in working days are computed with.
 *
 * <p>
 * Working calendar decisions:
 * <ul>
 * <li>Saturdays and Sundays are days off; the table {@code calendar_day} lists only the
 * exceptions: HOLIDAY (public holidays, Tết, compensatory days under Labour Code art.
 * 112(3), weekdays swapped off) and WORKING_DAY (a Saturday or Sunday worked in exchange;
 * the database refuses a weekday of that kind). Holidays are data, never computed: lunar
 * dates move and the Government announces the days off and swaps every year. Migration V9
 * seeds 2025–2027; a test checks its lunar dates with Hồ Ngọc Đức's algorithm. Rows named
 * "cần xác nhận" (all of 2027's Tết, its National Day second day, the 2026 National Day
 * swap) are a best reading: administrators must confirm every year against the
 * Government's annual notice, and enter the next year before it starts (a year without
 * holidays counts only weekends, so deadlines fall early, never late).</li>
 * <li>{@link vn.trean.directory.WorkingDays} counts like Civil Code art. 147: the start
 * day never counts, the n-th working day after it is the last, and the deadline is the
 * end of that day in the given zone. Periods of fewer than one working day are
 * refused.</li>
 * <li>{@link vn.trean.directory.WorkingCalendar#current()} caches the calendar per
 * instance under a revision number that every edit moves on in the same transaction (from
 * a sequence, so a rolled-back edit never reuses one); each call compares one number, so
 * all instances see an edit as soon as it commits. {@code max(changed_at)} would miss
 * removals and clock skew between instances.</li>
 * <li>The calendar is national: editing it needs {@code MANAGE_WORKING_CALENDAR}, decided
 * against the user's own jurisdiction, so the role alone decides. Each edit is audited
 * and published as {@link vn.trean.directory.WorkingCalendarChanged}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity" })
package vn.trean.directory;
