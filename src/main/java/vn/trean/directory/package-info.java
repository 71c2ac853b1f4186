/**
 * The directory of agencies and service providers that take part in child protection (the
 * provincial authority, commune committees, hotlines, schools, health facilities, police,
 * …), where each belongs and how to reach it; and the national working-day calendar that
 * deadlines counted in working days are computed with (docs/domain.md §2).
 * <p>
 * Decisions:
 * <ul>
 * <li>Saturdays and Sundays are days off; {@code calendar_day} lists only the exceptions:
 * HOLIDAY (public holidays, Tết, compensatory and swapped days) and WORKING_DAY (a
 * weekend day worked in exchange; the database refuses a weekday of that kind). Holidays
 * are data, never computed: the Government announces the days off and swaps every year.
 * The seed (2025–2027) marks its best readings "cần xác nhận" for administrators to
 * confirm; a year not entered counts only weekends, so deadlines fall early, never
 * late.</li>
 * <li>{@link vn.trean.directory.WorkingDays} counts like the Civil Code: the start day
 * never counts, the n-th working day after it is the last, and the deadline is the end of
 * that day in the given zone; a period of less than one working day is refused.</li>
 * <li>{@link vn.trean.directory.WorkingCalendar#current()} caches the calendar per
 * instance under a revision number every edit moves on in its transaction (from a
 * sequence, so a rolled-back edit never reuses one): each call compares one number, so
 * every instance sees an edit once it commits, removals included.</li>
 * </ul>
 * Invariants: the calendar is national, so editing it needs
 * {@code MANAGE_WORKING_CALENDAR}, decided on the role alone; every edit of an agency or
 * a calendar day is audited, and a calendar edit is published as
 * {@link vn.trean.directory.WorkingCalendarChanged}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity" })
package vn.trean.directory;
