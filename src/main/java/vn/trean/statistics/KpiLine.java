package vn.trean.statistics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Measure;
import vn.trean.statistics.StatisticsTable.Row;

/**
 * A row of the KPI table as a page shows it: the value in its measure (a share, hours,
 * days, or for a count its count; for the case load the average per officer), the
 * numerator and denominator, and the definition of a KPI's first row.
 */
record KpiLine(Row row, Cell value, Measure measure, Cell numerator, Cell denominator, @Nullable String definitionKey) {

	static List<KpiLine> of(StatisticsTable table) {
		return table.rows().stream().map(KpiLine::of).toList();
	}

	private static KpiLine of(Row row) {
		List<Cell> c = row.cells();
		Cell numerator = c.get(0);
		Cell denominator = c.get(1);
		Measure measure = Measure.COUNT;
		Cell value = numerator;
		for (int i = 2; i < c.size(); i++) {
			if (c.get(i).value() != null || c.get(i).suppressed()) {
				measure = KpiValue.COLUMNS.get(i).measure();
				value = c.get(i);
			}
		}
		if (row.code().equals(Kpi.CASE_LOAD.name())) {
			value = average(numerator, denominator);
		}
		String definition = row.level() == 0 ? "statistics.kpi." + row.code() + ".definition" : null;
		return new KpiLine(row, value, measure, numerator, denominator, definition);
	}

	/** The case load per officer, read back from the counts the table holds. */
	private static Cell average(Cell cases, Cell officers) {
		if (cases.suppressed() || officers.suppressed()) {
			return new Cell(null, true, null);
		}
		if (cases.value() == null || officers.value() == null || officers.value().signum() == 0) {
			return new Cell(null, false, null);
		}
		return new Cell(cases.value().divide(officers.value(), 1, java.math.RoundingMode.HALF_UP), false, null);
	}

	/** The message that writes the value with its unit. */
	public String valueKey() {
		return "statistics.kpi.value." + (row.code().equals(Kpi.CASE_LOAD.name()) ? "AVERAGE" : measure.name());
	}

}
