package vn.trean.statistics;

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
	 * exchange file, such as {@code F_0_5}), and whether it is the total of the columns
	 * before it.
	 */
	public record Column(String labelKey, String code, boolean total) {
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
	public record Cell(@Nullable Long value, boolean suppressed, @Nullable String trace) {

		public static Cell of(long value, @Nullable String trace) {
			return new Cell(value, false, trace);
		}

	}

}
