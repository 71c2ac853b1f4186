package vn.trean.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Column;
import vn.trean.statistics.StatisticsTable.Row;

/**
 * A table being filled from its counts: every counted cell with its trace
 * ({@code ROW/COLUMN}, the drill-down's address; none for a zero), then the shares the
 * table computes from them, each remembering the cells it was computed from so that
 * {@link SmallNumbers} can hide a share whose parts are hidden.
 */
final class TableFigures {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final CellQuery query;

	private final Cell[][] cells;

	private final Map<SmallNumbers.CellRef, List<SmallNumbers.CellRef>> derived = new HashMap<>();

	TableFigures(CellQuery query, long[][] counts) {
		this.query = query;
		this.cells = new Cell[query.rows().size()][query.columns().size()];
		for (int r = 0; r < cells.length; r++) {
			int counted = 0;
			for (int c = 0; c < cells[r].length; c++) {
				CellQuery.Split column = query.columns().get(c);
				if (column.counted()) {
					long value = counts[r][counted++];
					cells[r][c] = Cell.of(value, value == 0 ? null : trace(query.rows().get(r).code(), column.code()));
				}
				else {
					cells[r][c] = new Cell(null, false, null);
				}
			}
		}
	}

	/** The trace of a cell: the codes of its row and column, as the drill-down's path. */
	static String trace(String row, String column) {
		return row + "/" + column;
	}

	/** The count of a counted cell. */
	long count(String row, String column) {
		BigDecimal value = cells[query.rowIndex(row)][query.columnIndex(column)].value();
		return value == null ? 0 : value.longValueExact();
	}

	/**
	 * Sets a share: a count cell over another, in per cent (empty when the base is 0).
	 */
	void share(String row, String column, String numeratorRow, String numeratorColumn, String baseRow,
			String baseColumn) {
		SmallNumbers.CellRef at = ref(row, column);
		cells[at.row()][at.column()] = percent(count(numeratorRow, numeratorColumn), count(baseRow, baseColumn));
		derived.put(at, List.of(ref(numeratorRow, numeratorColumn), ref(baseRow, baseColumn)));
	}

	/**
	 * Sets a rate: a count cell over a figure from elsewhere (empty when there is none).
	 */
	void rate(String row, String column, String numeratorRow, String numeratorColumn, @Nullable Long base) {
		SmallNumbers.CellRef at = ref(row, column);
		cells[at.row()][at.column()] = base == null ? new Cell(null, false, null)
				: percent(count(numeratorRow, numeratorColumn), base);
		derived.put(at, List.of(ref(numeratorRow, numeratorColumn)));
	}

	private SmallNumbers.CellRef ref(String row, String column) {
		return new SmallNumbers.CellRef(query.rowIndex(row), query.columnIndex(column));
	}

	private static Cell percent(long numerator, long base) {
		if (base == 0) {
			return new Cell(null, false, null);
		}
		return new Cell(BigDecimal.valueOf(numerator)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP), false, null);
	}

	/**
	 * The table as every view shows it to case workers, and what its shares derive from.
	 */
	Computed table(TableKind kind, StatisticsPeriod period, StatisticsUnit unit) {
		List<Column> columns = query.columns()
			.stream()
			.map(c -> new Column(c.labelKey(), c.code(), c.measure(), c.total()))
			.toList();
		List<Row> rows = new ArrayList<>();
		for (int r = 0; r < cells.length; r++) {
			CellQuery.Line line = query.rows().get(r);
			rows.add(new Row(line.labelKey(), line.code(), line.level(), List.of(cells[r])));
		}
		return new Computed(new StatisticsTable(kind, period, unit, columns, rows, false), Map.copyOf(derived));
	}

	/** A computed table and, for each share, the cells it was computed from. */
	record Computed(StatisticsTable table, Map<SmallNumbers.CellRef, List<SmallNumbers.CellRef>> derivedFrom) {
	}

}
