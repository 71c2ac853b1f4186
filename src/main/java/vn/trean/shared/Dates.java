package vn.trean.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates as pages show them: dd/MM/yyyy, times in Viet Nam's zone. Templates call it as
 * {@code @dates}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(Time.ZONE);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Time.ZONE);

	public String date(LocalDate date) {
		return date == null ? "–" : DATE.format(date);
	}

	/**
	 * A day as a reader of the page's language writes it: dd/MM/yyyy in Vietnamese, "7
	 * December 2026" in English (whose readers may take 07/12 for the 12th of July).
	 */
	public String date(LocalDate date, Locale locale) {
		if (date == null || locale == null || !"en".equals(locale.getLanguage())) {
			return date(date);
		}
		return ENGLISH_DATE.format(date);
	}

	public String time(Instant instant) {
		return instant == null ? "–" : DATE_TIME.format(instant);
	}

	/** A moment to the minute, as a deadline counted in hours is shown. */
	public String minute(Instant instant) {
		return instant == null ? "–" : MINUTE.format(instant);
	}

	/**
	 * The last day before a moment in Viet Nam: a deadline due at midnight ends with the
	 * day before it.
	 */
	public String lastDay(Instant instant) {
		return instant == null ? "–" : DATE.format(instant.minusNanos(1).atZone(Time.ZONE));
	}

}
