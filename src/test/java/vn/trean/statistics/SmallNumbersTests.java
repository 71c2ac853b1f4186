package vn.trean.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Column;
import vn.trean.statistics.StatisticsTable.Measure;
import vn.trean.statistics.StatisticsTable.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small-numbers policy on random tables: no count of 1 to 4 is left, no row whose
 * last column is a total has exactly one hidden count among those it adds, a share of a
 * hidden count is hidden, and no trace is left.
 */
class SmallNumbersTests {

	private static final StatisticsUnit UNIT = new StatisticsUnit(new UnitId(1), "92", "Thành phố Cần Thơ",
			AdministrativeUnit.Level.PROVINCE, Set.of(new UnitId(1)));

	private static final StatisticsPeriod PERIOD = StatisticsPeriod.halfYearOf(LocalDate.of(2025, 3, 1));

	@RepeatedTest(200)
	void noSmallNumberAndNoSingleHiddenCountIsLeftInARandomTable() {
		Random random = new Random();
		int counts = 2 + random.nextInt(7);
		StatisticsTable table = randomTable(random, counts, 1 + random.nextInt(10));

		StatisticsTable shown = SmallNumbers.suppress(table, Map.of());

		assertThat(shown.suppressed()).isTrue();
		for (Row row : shown.rows()) {
			assertThat(row.cells()).allSatisfy(c -> {
				assertThat(c.trace()).isNull();
				if (c.value() != null) {
					assertThat(c.value().longValue()).isNotIn(1L, 2L, 3L, 4L);
				}
				assertThat(c.suppressed()).isEqualTo(c.value() == null);
			});
			long hidden = row.cells().subList(0, counts).stream().filter(Cell::suppressed).count();
			assertThat(hidden).as("hidden among the counts of %s", row.cells()).isNotEqualTo(1);
		}
	}

	@Test
	void hidesTheSmallestOtherCountOfARowWithOneSmallNumber() {
		StatisticsTable table = table(List.of(row(3, 12, 9, 0, 24)));

		Row shown = SmallNumbers.suppress(table, Map.of()).rows().get(0);

		assertThat(shown.cells()).extracting(Cell::suppressed).containsExactly(true, false, true, false, false);
		assertThat(shown.cells().get(4).value()).isEqualByComparingTo("24");
	}

	@Test
	void hidesTheTotalAndAZeroWhenTheSmallNumberIsTheRowsOnlyCount() {
		StatisticsTable table = table(List.of(row(0, 7, 0, 0, 7), row(0, 0, 2, 0, 2)));

		Row shown = SmallNumbers.suppress(table, Map.of()).rows().get(1);

		assertThat(shown.cells()).extracting(Cell::suppressed).containsExactly(true, false, true, false, true);
	}

	@Test
	void hidesAShareComputedFromAHiddenCount() {
		List<Column> columns = List.of(new Column("a", "A", Measure.COUNT, false),
				new Column("s", "S", Measure.PERCENT, false));
		StatisticsTable table = new StatisticsTable(TableKind.INTAKE, PERIOD, UNIT, columns, List.of(
				new Row("r", "R0", 0, List.of(Cell.of(40, "R0/A"), new Cell(null, false, null))),
				new Row("r", "R1", 1, List.of(Cell.of(3, "R1/A"), new Cell(new BigDecimal("7.5"), false, null))),
				new Row("r", "R2", 1, List.of(Cell.of(10, "R2/A"), new Cell(new BigDecimal("25.0"), false, null)))),
				false);
		var derived = Map.of(new SmallNumbers.CellRef(1, 1),
				List.of(new SmallNumbers.CellRef(1, 0), new SmallNumbers.CellRef(0, 0)), new SmallNumbers.CellRef(2, 1),
				List.of(new SmallNumbers.CellRef(2, 0), new SmallNumbers.CellRef(0, 0)));

		StatisticsTable shown = SmallNumbers.suppress(table, derived);

		assertThat(shown.rows().get(1).cells().get(1).suppressed()).isTrue();
		assertThat(shown.rows().get(2).cells().get(1).value()).isEqualByComparingTo("25.0");
	}

	private static StatisticsTable randomTable(Random random, int counts, int rows) {
		List<Row> list = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			long[] values = new long[counts + 1];
			for (int c = 0; c < counts; c++) {
				int kind = random.nextInt(3);
				values[c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : 5 + random.nextInt(50);
				values[counts] += values[c];
			}
			list.add(row(values));
		}
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < counts; c++) {
			columns.add(new Column("c" + c, "C" + c, Measure.COUNT, false));
		}
		columns.add(new Column("total", "TOTAL", Measure.COUNT, true));
		return new StatisticsTable(TableKind.ABUSED_CHILDREN, PERIOD, UNIT, columns, list, false);
	}

	private static StatisticsTable table(List<Row> rows) {
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < rows.get(0).cells().size() - 1; c++) {
			columns.add(new Column("c" + c, "C" + c, Measure.COUNT, false));
		}
		columns.add(new Column("total", "TOTAL", Measure.COUNT, true));
		return new StatisticsTable(TableKind.ABUSED_CHILDREN, PERIOD, UNIT, columns, rows, false);
	}

	private static Row row(long... values) {
		List<Cell> cells = new ArrayList<>();
		for (long v : values) {
			cells.add(Cell.of(v, v == 0 ? null : "trace"));
		}
		return new Row("row", "ROW", 0, cells);
	}

}
