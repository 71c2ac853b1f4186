package vn.trean.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Column;
import vn.trean.statistics.StatisticsTable.Measure;
import vn.trean.statistics.StatisticsTable.Row;

/**
 * The small-numbers policy of every table shown to those who may not see the cases: a
 * count of 1 to 4 could name a child in a small commune, so it is hidden ("fewer than
 * 5"), and so is whatever would let it be worked out. In a row whose last column is the
 * total of its count columns, a single hidden count could be recovered by subtraction:
 * the smallest other non-zero count is hidden too, or, when every other count is zero,
 * the total and a zero count; until no row has exactly one hidden count. A share is
 * hidden when a count it was computed from is. Traces are dropped: these viewers never
 * open the records.
 */
final class SmallNumbers {

	/** The largest count hidden for its own sake. */
	static final int LARGEST_SMALL = 4;

	private SmallNumbers() {
	}

	/** Whether a count is small enough to name a child in a small commune (1 to 4). */
	static boolean small(long count) {
		return count >= 1 && count <= LARGEST_SMALL;
	}

	/** A cell's place: row and column index. */
	record CellRef(int row, int column) {
	}

	/** The table with small numbers hidden, and no traces. */
	static StatisticsTable suppress(StatisticsTable table, Map<CellRef, List<CellRef>> derivedFrom) {
		List<Column> columns = table.columns();
		Cell[][] cells = new Cell[table.rows().size()][];
		for (int r = 0; r < cells.length; r++) {
			cells[r] = table.rows().get(r).cells().stream().map(SmallNumbers::primary).toArray(Cell[]::new);
		}
		boolean totals = !columns.isEmpty() && columns.get(columns.size() - 1).total();
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Cell[] row : cells) {
				changed |= totals && protect(row, columns);
			}
			for (Map.Entry<CellRef, List<CellRef>> share : derivedFrom.entrySet()) {
				CellRef at = share.getKey();
				boolean hidden = share.getValue().stream().anyMatch(p -> cells[p.row()][p.column()].suppressed());
				if (hidden && !cells[at.row()][at.column()].suppressed()) {
					cells[at.row()][at.column()] = hidden();
					changed = true;
				}
			}
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 0; r < cells.length; r++) {
			Row row = table.rows().get(r);
			rows.add(new Row(row.labelKey(), row.code(), row.level(), List.of(cells[r])));
		}
		return new StatisticsTable(table.kind(), table.period(), table.unit(), columns, rows, true);
	}

	private static Cell primary(Cell cell) {
		BigDecimal value = cell.value();
		if (value != null && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(LARGEST_SMALL)) <= 0) {
			return hidden();
		}
		return new Cell(value, cell.suppressed(), null);
	}

	private static Cell hidden() {
		return new Cell(null, true, null);
	}

	/**
	 * Hides a second cell of a row with exactly one hidden count among those its total
	 * adds; whether it hid one. Only COUNT columns before the total take part.
	 */
	private static boolean protect(Cell[] row, List<Column> columns) {
		int total = columns.size() - 1;
		List<Integer> added = new ArrayList<>();
		for (int c = 0; c < total; c++) {
			if (columns.get(c).measure() == Measure.COUNT && !columns.get(c).total()) {
				added.add(c);
			}
		}
		if (added.stream().filter(c -> row[c].suppressed()).count() != 1) {
			return false;
		}
		int smallest = -1;
		for (int c : added) {
			BigDecimal value = row[c].value();
			if (!row[c].suppressed() && value != null && value.signum() > 0
					&& (smallest < 0 || value.compareTo(row[smallest].value()) < 0)) {
				smallest = c;
			}
		}
		if (smallest < 0) {
			boolean changed = !row[total].suppressed();
			row[total] = hidden();
			smallest = added.stream().filter(c -> !row[c].suppressed()).findFirst().orElse(-1);
			if (smallest < 0) {
				return changed;
			}
		}
		row[smallest] = hidden();
		return true;
	}

}
