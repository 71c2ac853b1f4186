package vn.trean.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.PlainText;

/**
 * What the statistics form asks for, as typed: the table, the kind of period with its
 * year and half or its two days, and the unit's code; or, from a table's own address, the
 * period as its code.
 */
record StatisticsRequest(@Nullable @PlainText(max = 40) String table, @Nullable @PlainText(max = 20) String kind,
		@Nullable @PlainText(max = 10) String year, @Nullable @PlainText(max = 2) String half,
		@Nullable @PlainText(max = 10) String from, @Nullable @PlainText(max = 10) String to,
		@Nullable @PlainText(max = 60) String period, @Nullable @PlainText(max = 20) String unit) {

	/** The period's code: as given, or composed of the form's parts. */
	String periodCode() {
		if (period != null && !period.isBlank()) {
			return period;
		}
		String k = kind == null ? "" : kind;
		return switch (k) {
			case "YEAR" -> text(year);
			case "CUSTOM" -> text(from) + ".." + text(to);
			default -> text(year) + "-H" + text(half);
		};
	}

	/**
	 * The form as a table's address fills it, so a refused address shows what it asked.
	 */
	static StatisticsRequest of(TableKind table, StatisticsPeriod period, String unit) {
		LocalDate from = period.from();
		return new StatisticsRequest(table.code(), period.kind().name(), String.valueOf(from.getYear()),
				from.getMonthValue() <= 6 ? "1" : "2", from.toString(), period.to().toString(), null, unit);
	}

	private static String text(@Nullable String part) {
		return part == null ? "" : part.strip();
	}

}
