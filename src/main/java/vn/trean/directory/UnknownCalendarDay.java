package vn.trean.directory;

import java.time.LocalDate;

import vn.trean.shared.UnknownRecord;

/** Asked for a date the calendar does not list (answered with 404). */
class UnknownCalendarDay extends UnknownRecord {

	UnknownCalendarDay(LocalDate day) {
		super("No calendar entry on " + day);
	}

}
