package vn.trean.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The words of a table in one language, as every written view of it (workbook, PDF, CSV)
 * prints them: its title, period and unit lines, its labels, and each cell as text (a
 * count whole, any other measure with one decimal, a suppressed figure as the bundle's
 * mark). A label the bundles lack is printed as its key rather than failing the file.
 */
record TableText(MessageSource messages, Locale locale) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	String title(TableKind kind) {
		return text("statistics-exports.table." + kind.name());
	}

	/** <i>6 tháng đầu năm 2025</i>, <i>Năm 2025</i>, <i>Từ ngày 01/01/2025 đến …</i>. */
	String period(StatisticsPeriod period) {
		String year = String.valueOf(period.from().getYear());
		return switch (period.kind()) {
			case HALF_YEAR -> text(period.from().getMonthValue() == 1 ? "statistics-exports.period.H1"
					: "statistics-exports.period.H2", year);
			case YEAR -> text("statistics-exports.period.YEAR", year);
			case CUSTOM -> text("statistics-exports.period.CUSTOM", DAY.format(period.from()), DAY.format(period.to()));
		};
	}

	/**
	 * The lines under a table's title: its period, its unit, and the suppression note.
	 */
	List<String> heading(StatisticsTable table) {
		List<String> lines = new ArrayList<>();
		lines.add(text("statistics-exports.heading.period", period(table.period())));
		lines.add(text("statistics-exports.heading.unit", table.unit().name()));
		if (table.suppressed()) {
			lines.add(text("statistics-exports.heading.suppressed", suppressedMark()));
		}
		return lines;
	}

	/** A row's label, indented by its level. */
	String label(StatisticsTable.Row row) {
		return "   ".repeat(Math.max(0, row.level())) + text(row.labelKey());
	}

	String label(StatisticsTable.Column column) {
		return text(column.labelKey());
	}

	String suppressedMark() {
		return text("statistics-exports.suppressed");
	}

	/** The figure as it is written: rounded as its measure is, or empty when none. */
	static BigDecimal figure(StatisticsTable.Cell cell, StatisticsTable.Measure measure) {
		if (cell.value() == null) {
			return null;
		}
		return cell.value().setScale(measure == StatisticsTable.Measure.COUNT ? 0 : 1, RoundingMode.HALF_UP);
	}

	/** The cell as text: its figure, the suppression mark, or empty. */
	String cell(StatisticsTable.Cell cell, StatisticsTable.Measure measure) {
		if (cell.suppressed()) {
			return suppressedMark();
		}
		BigDecimal figure = figure(cell, measure);
		return figure == null ? "" : figure.toPlainString();
	}

}
