package vn.trean.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a table covers, both days included: a half year ({@code 2025-H1}), a year
 * ({@code 2025}) or a custom range ({@code 2025-01-01..2025-03-31}), the periods of
 * Circular 13/2021 and any other a manager asks for.
 *
 * @param kind what kind of period it is
 * @param from the first day
 * @param to the last day
 */
public record StatisticsPeriod(Kind kind, LocalDate from, LocalDate to) {

	/** The field a refused period is reported on. */
	public static final String FIELD = "period";

	private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

	/** The kinds of period. */
	public enum Kind {

		HALF_YEAR, YEAR, CUSTOM

	}

	/**
	 * The period a text names, checked against today: refused when it cannot be read
	 * ({@code statistics.period.invalid}), ends before it starts
	 * ({@code statistics.period.ends-before-start}) or starts after today
	 * ({@code statistics.period.future}).
	 */
	public static StatisticsPeriod parse(String text, LocalDate today) {
		StatisticsPeriod period = read(text == null ? "" : text.strip());
		if (period.to.isBefore(period.from)) {
			throw refused("statistics.period.ends-before-start");
		}
		if (period.from.isAfter(today)) {
			throw refused("statistics.period.future");
		}
		return period;
	}

	private static StatisticsPeriod read(String text) {
		try {
			Matcher half = HALF.matcher(text);
			if (half.matches()) {
				return halfYear(Integer.parseInt(half.group(1)), Integer.parseInt(half.group(2)));
			}
			if (YEAR.matcher(text).matches()) {
				return year(Integer.parseInt(text));
			}
			Matcher range = RANGE.matcher(text);
			if (range.matches()) {
				return new StatisticsPeriod(Kind.CUSTOM, LocalDate.parse(range.group(1)),
						LocalDate.parse(range.group(2)));
			}
		}
		catch (DateTimeParseException ex) {
			// an impossible date such as 2025-02-30: refused below like any other text
		}
		throw refused("statistics.period.invalid");
	}

	private static InvalidStatisticsRequest refused(String key) {
		return new InvalidStatisticsRequest(FIELD, key);
	}

	public static StatisticsPeriod halfYear(int year, int half) {
		LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
		return new StatisticsPeriod(Kind.HALF_YEAR, from, from.plusMonths(6).minusDays(1));
	}

	public static StatisticsPeriod year(int year) {
		return new StatisticsPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** The half year that contains a day. */
	public static StatisticsPeriod halfYearOf(LocalDate day) {
		return halfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
	}

	/** The period as its text: what {@link #parse} reads back. */
	public String code() {
		return switch (kind) {
			case HALF_YEAR -> from.getYear() + "-H" + (from.getMonthValue() == 1 ? 1 : 2);
			case YEAR -> String.valueOf(from.getYear());
			case CUSTOM -> from + ".." + to;
		};
	}

	/** The period before this one of the same length (a half year's, a year's). */
	public StatisticsPeriod previous() {
		return switch (kind) {
			case HALF_YEAR -> halfYearOf(from.minusDays(1));
			case YEAR -> year(from.getYear() - 1);
			case CUSTOM -> new StatisticsPeriod(Kind.CUSTOM, from.minusDays(days()), from.minusDays(1));
		};
	}

	/** How many days the period covers. */
	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** Whether a day lies in the period. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

}
