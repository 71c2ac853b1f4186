package vn.trean.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTable.Measure;

/**
 * One KPI's figures for a group and period: what its numerator and denominator count
 * ({@code null} where the KPI has none) and its value in its measure (a share, hours,
 * days; {@code null} when nothing was counted).
 */
record KpiValue(@Nullable Long numerator, @Nullable Long denominator, @Nullable BigDecimal value, Measure measure) {

	/** The columns of the KPI table: the counts, then one column per kind of value. */
	static final List<StatisticsTable.Column> COLUMNS = List.of(
			new StatisticsTable.Column("statistics.kpi.column.numerator", "NUMERATOR", Measure.COUNT, false),
			new StatisticsTable.Column("statistics.kpi.column.denominator", "DENOMINATOR", Measure.COUNT, false),
			new StatisticsTable.Column("statistics.kpi.column.percent", "PERCENT", Measure.PERCENT, false),
			new StatisticsTable.Column("statistics.kpi.column.hours", "HOURS", Measure.HOURS, false),
			new StatisticsTable.Column("statistics.kpi.column.days", "DAYS", Measure.DAYS, false));

	/**
	 * A share in per cent of numerator over denominator; none when nothing was counted.
	 */
	static KpiValue share(long numerator, long denominator) {
		return new KpiValue(numerator, denominator, denominator == 0 ? null : percent(numerator, denominator),
				Measure.PERCENT);
	}

	/** A time measured over a number of records. */
	static KpiValue time(@Nullable Long numerator, long denominator, @Nullable Double value, Measure measure) {
		return new KpiValue(numerator, denominator, value == null ? null : oneDecimal(value), measure);
	}

	/** A count with nothing over it. */
	static KpiValue count(long count) {
		return new KpiValue(count, null, null, Measure.COUNT);
	}

	/** The average of a total over a number of holders (a case load). */
	static KpiValue average(long total, long holders) {
		BigDecimal value = holders == 0 ? null
				: BigDecimal.valueOf(total).divide(BigDecimal.valueOf(holders), 1, RoundingMode.HALF_UP);
		return new KpiValue(total, holders, value, Measure.COUNT);
	}

	static BigDecimal percent(long numerator, long denominator) {
		return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
	}

	static BigDecimal oneDecimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * The row's cells, one per {@link #COLUMNS}: the value under its measure's column.
	 */
	List<Cell> cells(boolean suppress) {
		Cell none = new Cell(null, false, null);
		Cell valueCell = valueCell(suppress);
		return List.of(KpiSmallNumbers.count(numerator, suppress), KpiSmallNumbers.count(denominator, suppress),
				measure == Measure.PERCENT ? valueCell : none, measure == Measure.HOURS ? valueCell : none,
				measure == Measure.DAYS ? valueCell : none);
	}

	/**
	 * The value's cell: withheld when a count it is computed from is, a count's own value
	 * when the KPI is a count.
	 */
	Cell valueCell(boolean suppress) {
		if (measure == Measure.COUNT && value == null) {
			return KpiSmallNumbers.count(numerator, suppress);
		}
		return KpiSmallNumbers.derived(value, suppress, numerator, denominator);
	}

}
