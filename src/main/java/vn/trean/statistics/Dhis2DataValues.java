package vn.trean.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A table as a DHIS2 aggregate exchange file, the {@code dataValueSets} JSON of the Web
 * API's data value import: one data value per cell, named through the
 * {@link Dhis2Mapping}, with the period in DHIS2's notation ({@code 2025},
 * {@code 2025S1}). Suppressed cells, empty cells and total columns (DHIS2 adds totals up
 * itself, a sent total would count twice) are left out.
 */
final class Dhis2DataValues {

	private Dhis2DataValues() {
	}

	/**
	 * The period in DHIS2's notation: yearly {@code 2025}, six-monthly {@code 2025S1}; a
	 * custom range, which DHIS2 has no period for, is refused on field {@code period}.
	 */
	static String period(StatisticsPeriod period) {
		return switch (period.kind()) {
			case YEAR -> String.valueOf(period.from().getYear());
			case HALF_YEAR -> period.from().getYear() + "S" + (period.from().getMonthValue() == 1 ? 1 : 2);
			case CUSTOM ->
				throw new InvalidStatisticsRequest(StatisticsPeriod.FIELD, "statistics-exports.dhis2.custom-period");
		};
	}

	static byte[] write(StatisticsTable table, Dhis2Mapping mapping, JsonMapper json) {
		String period = period(table.period());
		String orgUnit = mapping.orgUnit(table.unit().code());
		List<Map<String, String>> values = new ArrayList<>();
		for (StatisticsTable.Row row : table.rows()) {
			for (int c = 0; c < table.columns().size() && c < row.cells().size(); c++) {
				StatisticsTable.Column column = table.columns().get(c);
				StatisticsTable.Cell cell = row.cells().get(c);
				BigDecimal figure = TableText.figure(cell, column.measure());
				if (column.total() || cell.suppressed() || figure == null) {
					continue;
				}
				Map<String, String> value = new LinkedHashMap<>();
				value.put("dataElement", mapping.dataElement(table.kind(), row.code()));
				value.put("period", period);
				value.put("orgUnit", orgUnit);
				value.put("categoryOptionCombo", mapping.combo(column.code()));
				value.put("value", figure.toPlainString());
				values.add(value);
			}
		}
		return json.writeValueAsBytes(Map.of("dataValues", values));
	}

}
