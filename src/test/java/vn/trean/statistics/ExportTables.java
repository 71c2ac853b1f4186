package vn.trean.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;

import static vn.trean.statistics.StatisticsTable.Measure.COUNT;
import static vn.trean.statistics.StatisticsTable.Measure.PERCENT;

/**
 * Tables built by hand for the tests of the writers, and the bundles they are read with.
 */
final class ExportTables {

	static final StatisticsUnit WARD = new StatisticsUnit(new UnitId(9_100_001), "31117", "Phường Cái Khế",
			AdministrativeUnit.Level.COMMUNE, Set.of(new UnitId(9_100_001)));

	private ExportTables() {
	}

	/**
	 * Girls, boys, their total and a share: the first row whole, the second with a
	 * suppressed cell (and its complement).
	 */
	static StatisticsTable abused(StatisticsUnit unit, boolean suppressed) {
		List<StatisticsTable.Column> columns = List.of(
				new StatisticsTable.Column("statistics-exports.column.period", "F", COUNT, false),
				new StatisticsTable.Column("statistics-exports.column.unit", "M", COUNT, false),
				new StatisticsTable.Column("statistics-exports.column.row", "total", COUNT, true),
				new StatisticsTable.Column("statistics-exports.column.row-code", "share", PERCENT, false));
		StatisticsTable.Row whole = new StatisticsTable.Row("statistics-exports.table.CASES", "SEXUAL", 0,
				List.of(StatisticsTable.Cell.of(12, null), StatisticsTable.Cell.of(30, null),
						StatisticsTable.Cell.of(42, null),
						new StatisticsTable.Cell(new BigDecimal("61.25"), false, null)));
		StatisticsTable.Row small = new StatisticsTable.Row("statistics-exports.table.INTAKE", "PHYSICAL", 1,
				List.of(new StatisticsTable.Cell(null, true, null), new StatisticsTable.Cell(null, true, null),
						StatisticsTable.Cell.of(9, null), new StatisticsTable.Cell(null, false, null)));
		return new StatisticsTable(TableKind.ABUSED_CHILDREN, StatisticsPeriod.halfYear(2025, 1), unit, columns,
				List.of(whole, small), suppressed);
	}

	static StatisticsTable abused() {
		return abused(WARD, true);
	}

	static StatisticsUnit unitNamed(String name) {
		return new StatisticsUnit(WARD.id(), WARD.code(), name, WARD.level(), WARD.counted());
	}

	static TableText text(String language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new TableText(messages, Locale.forLanguageTag(language));
	}

}
