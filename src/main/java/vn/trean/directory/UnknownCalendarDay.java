package vn.trean.directory;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Asked for a date the calendar does not list (answered with 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownCalendarDay extends RuntimeException {

	UnknownCalendarDay(LocalDate day) {
		super("No calendar entry on " + day);
	}

}
