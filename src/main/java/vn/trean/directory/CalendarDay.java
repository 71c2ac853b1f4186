package vn.trean.directory;

import java.time.Instant;
import java.time.LocalDate;

/** One exception to the Monday-to-Friday week, as the calendar page lists it. */
record CalendarDay(LocalDate day, WorkingCalendar.DayKind kind, String name, String changedBy, Instant changedAt) {

	WorkingCalendar.DayDetails details() {
		return new WorkingCalendar.DayDetails(day, kind, name);
	}

}
