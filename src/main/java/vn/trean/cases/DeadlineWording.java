package vn.trean.cases;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.trean.shared.Dates;
import vn.trean.shared.Time;

/**
 * A deadline as people read it: a clock counted in days ends with its last day ("due by
 * the end of 09/12/2026"), not at the midnight that follows it; a clock counted in hours
 * shows its date, hour and minute. Templates call it as {@code @deadlines}.
 */
@Component("deadlines")
public class DeadlineWording {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Dates dates;

	DeadlineWording(JdbcClient jdbc, MessageSource messages, Dates dates) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.dates = dates;
	}

	/** The step's deadline in the request's language. */
	public String due(DeadlineStep step, Instant dueAt) {
		return due(step, dueAt, LocaleContextHolder.getLocale());
	}

	public String due(DeadlineStep step, Instant dueAt, Locale locale) {
		if (dueAt == null) {
			return "–";
		}
		if (endsWithADay(step, dueAt)) {
			return messages.getMessage("deadline.due.end-of-day", new Object[] { dates.lastDay(dueAt) }, locale);
		}
		return messages.getMessage("deadline.due.at", new Object[] { dates.minute(dueAt) }, locale);
	}

	/**
	 * Whether the step is counted in days and this deadline falls at a midnight, as every
	 * deadline counted in days does (one set before its limit changed unit may not).
	 */
	private boolean endsWithADay(DeadlineStep step, Instant dueAt) {
		if (!dueAt.atZone(Time.ZONE).toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return false;
		}
		return !DeadlineRules.Unit.HOURS.name().equals(unitOf(step));
	}

	/**
	 * The unit the step's clock is counted in, read once per request: a list words the
	 * deadline of each of its rows.
	 */
	private String unitOf(DeadlineStep step) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = DeadlineWording.class.getName() + "." + step;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof String unit) {
			return unit;
		}
		String unit = jdbc.sql("SELECT unit FROM deadline_rule WHERE step = :step")
			.param("step", step.name())
			.query(String.class)
			.optional()
			.orElse(DeadlineRules.Unit.HOURS.name());
		if (request != null) {
			request.setAttribute(key, unit, RequestAttributes.SCOPE_REQUEST);
		}
		return unit;
	}

}
