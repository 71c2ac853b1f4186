package vn.trean.statistics;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table as the statistics API answers it: always the figures-only view, so no trace;
 * labels in the language the request asks for.
 *
 * @param table the table's code ({@code 0101}, {@code cases}, …)
 * @param period the period's code ({@code 2025-H1}, {@code 2025}, a range)
 * @param suppressed whether small numbers were suppressed (always, for the API)
 */
record StatisticsJson(String table, String period, Unit unit, List<Column> columns, List<Row> rows,
		boolean suppressed) {

	record Unit(String code, String name, String level) {
	}

	/**
	 * @param measure COUNT, PERCENT, HOURS or DAYS
	 */
	record Column(String code, String label, String measure, boolean total) {
	}

	record Row(String code, String label, int level, List<Cell> cells) {
	}

	/**
	 * @param value the figure, {@code null} when suppressed or not applicable
	 */
	record Cell(@Nullable BigDecimal value, boolean suppressed) {
	}

	static StatisticsJson of(StatisticsTable table, TableText text) {
		List<Column> columns = table.columns()
			.stream()
			.map(c -> new Column(c.code(), text.label(c), c.measure().name(), c.total()))
			.toList();
		List<Row> rows = table.rows().stream().map(r -> row(table, r, text)).toList();
		StatisticsUnit unit = table.unit();
		return new StatisticsJson(table.kind().code(), table.period().code(),
				new Unit(unit.code(), unit.name(), unit.level().name()), columns, rows, table.suppressed());
	}

	private static Row row(StatisticsTable table, StatisticsTable.Row row, TableText text) {
		List<Cell> cells = new java.util.ArrayList<>();
		for (int c = 0; c < row.cells().size() && c < table.columns().size(); c++) {
			StatisticsTable.Cell cell = row.cells().get(c);
			cells.add(new Cell(cell.suppressed() ? null : TableText.figure(cell, table.columns().get(c).measure()),
					cell.suppressed()));
		}
		return new Row(row.code(), text.text(row.labelKey()), row.level(), cells);
	}

}
