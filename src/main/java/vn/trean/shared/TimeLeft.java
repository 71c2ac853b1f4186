package vn.trean.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How long a clock has left, or how long ago it ran out, in words of the page's language
 * ("còn 5 giờ", "quá hạn 2 ngày"): minutes under an hour, hours under two days, days
 * beyond. The deadline itself is worded by {@code @deadlines}. Templates call it as
 * {@code @timeLeft}.
 */
@Component("timeLeft")
public class TimeLeft {

	private final MessageSource messages;

	private final Clock clock;

	TimeLeft(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String of(Instant dueAt) {
		return of(dueAt, LocaleContextHolder.getLocale());
	}

	public String of(Instant dueAt, Locale locale) {
		if (dueAt == null) {
			return messages.getMessage("time-left.none", null, locale);
		}
		Duration left = Duration.between(clock.instant(), dueAt);
		String side = left.isNegative() ? "overdue" : "remaining";
		Duration span = left.abs();
		String unit;
		long amount;
		if (span.toHours() < 1) {
			unit = "minutes";
			amount = Math.max(1, span.toMinutes());
		}
		else if (span.toHours() < 48) {
			unit = "hours";
			amount = span.toHours();
		}
		else {
			unit = "days";
			amount = span.toDays();
		}
		return messages.getMessage("time-left." + side + "-" + unit, new Object[] { amount }, locale);
	}

}
