package vn.trean.statistics;

import java.util.ArrayList;
import java.util.List;

import vn.trean.printing.Workbook;

/**
 * A table as an .xlsx workbook: heading lines with the title, the period and the unit,
 * the header row, then one row per row of the table. A total column is written as a
 * formula ({@code =SUM(B5:M5)}) over the row's count cells it adds up, when none of that
 * row's cells is suppressed (a sum over marks would be wrong), else as its figure or
 * mark; a suppressed cell is written as the bundle's mark.
 */
final class TableWorkbook {

	private TableWorkbook() {
	}

	static byte[] write(StatisticsTable table, TableText text) {
		List<String> header = new ArrayList<>();
		header.add(text.text("statistics-exports.column.row"));
		table.columns().forEach(c -> header.add(text.label(c)));
		List<String> heading = new ArrayList<>();
		heading.add(text.title(table.kind()));
		heading.addAll(text.heading(table));
		Workbook workbook = new Workbook();
		Workbook.Sheet sheet = workbook.sheet(table.kind().code(), heading, header);
		for (StatisticsTable.Row row : table.rows()) {
			sheet.row(cells(table.columns(), row, sheet.nextRow(), text));
		}
		return workbook.bytes();
	}

	private static List<Object> cells(List<StatisticsTable.Column> columns, StatisticsTable.Row row, int r,
			TableText text) {
		List<Object> cells = new ArrayList<>();
		cells.add(text.label(row));
		boolean anySuppressed = row.cells().stream().anyMatch(StatisticsTable.Cell::suppressed);
		for (int c = 0; c < columns.size() && c < row.cells().size(); c++) {
			StatisticsTable.Column column = columns.get(c);
			StatisticsTable.Cell cell = row.cells().get(c);
			List<Integer> added = column.total() ? addedUp(columns, c) : List.of();
			if (!added.isEmpty() && !anySuppressed) {
				Number value = TableText.figure(cell, column.measure());
				cells.add(new Workbook.Formula(sum(added, r), value == null ? 0 : value));
			}
			else if (cell.suppressed()) {
				cells.add(text.suppressedMark());
			}
			else {
				cells.add(TableText.figure(cell, column.measure()));
			}
		}
		return cells;
	}

	/** The count columns a total column adds up: those since the previous total. */
	static List<Integer> addedUp(List<StatisticsTable.Column> columns, int total) {
		List<Integer> added = new ArrayList<>();
		for (int c = total - 1; c >= 0 && !columns.get(c).total(); c--) {
			if (columns.get(c).measure() == StatisticsTable.Measure.COUNT) {
				added.add(0, c);
			}
		}
		return added;
	}

	/**
	 * {@code SUM(B5:M5)} over a run of adjacent columns, {@code SUM(B5,D5)} otherwise;
	 * the table's column {@code c} is the sheet's column {@code c + 1}, after the labels.
	 */
	static String sum(List<Integer> columns, int r) {
		boolean adjacent = columns.get(columns.size() - 1) - columns.get(0) == columns.size() - 1;
		if (adjacent) {
			return "SUM(" + Workbook.column(columns.get(0) + 1) + r + ":"
					+ Workbook.column(columns.get(columns.size() - 1) + 1) + r + ")";
		}
		return "SUM(" + String.join(",", columns.stream().map(c -> Workbook.column(c + 1) + r).toList()) + ")";
	}

}
