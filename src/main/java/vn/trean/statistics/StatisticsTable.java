package vn.trean.statistics;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One table as computed for a period and a unit, in the shape every view of it shares
 * (the page, the exports, the exchange file, the API): columns that split the figure (the
 * last one may be their total), rows with their cells.
 *
 * @param kind which official table it is
 * @param period the period it covers
 * @param unit the unit it covers
 * @param columns the columns, left to right
 * @param rows the rows, top to bottom
 * @param suppressed whether small numbers were suppressed (the view of a role that may
 * not see the cases)
 */
public record StatisticsTable(TableKind kind, StatisticsPeriod period, StatisticsUnit unit, List<Column> columns,
		List<Row> rows, boolean suppressed) {

	public StatisticsTable {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/**
	 * A column: its message key, its code (the category option combination of the
	 * exchange file, such as {@code F_0_5}), what its figures measure, and whether it is
	 * the sum of the count columns before it (written as a formula in a workbook).
	 */
	public record Column(String labelKey, String code, Measure measure, boolean total) {
	}

	/** What a column's figures are. */
	public enum Measure {

		/** A number of children, cases or reports: whole, suppressed when small. */
		COUNT,
		/** A share in per cent, one decimal. */
		PERCENT,
		/** A duration in hours, one decimal. */
		HOURS,
		/** A duration in working or calendar days, one decimal. */
		DAYS

	}

	/**
	 * A row: its message key, its code (the data element of the exchange file), how deep
	 * it sits under the row above (0 a heading row, 1 a sub-type such as a form of sexual
	 * abuse), and one cell per column.
	 */
	public record Row(String labelKey, String code, int level, List<Cell> cells) {

		public Row {
			cells = List.copyOf(cells);
		}

	}

	/**
	 * A figure: its value ({@code null} when suppressed or not applicable), whether it
	 * was suppressed as a small number (or to protect one), and the trace of the records
	 * behind it, {@code null} when it has none or the viewer may not open it.
	 */
	public record Cell(@Nullable BigDecimal value, boolean suppressed, @Nullable String trace) {

		public static Cell of(long value, @Nullable String trace) {
			return new Cell(BigDecimal.valueOf(value), false, trace);
		}

	}

}
