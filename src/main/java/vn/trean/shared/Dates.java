package vn.trean.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Dates as pages show them: dd/MM/yyyy, times in Viet Nam's zone. Templates call it as
 * {@code @dates}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(Time.ZONE);

	public String date(LocalDate date) {
		return date == null ? "–" : DATE.format(date);
	}

	public String time(Instant instant) {
		return instant == null ? "–" : DATE_TIME.format(instant);
	}

}
