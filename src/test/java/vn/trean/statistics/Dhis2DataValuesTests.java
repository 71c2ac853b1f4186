package vn.trean.statistics;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import vn.trean.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DHIS2 data value set of a table. */
class Dhis2DataValuesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesOneDataValuePerShownCellWithTheMappedCodesAndLeavesSuppressedCellsAndTotalsOut() {
		Dhis2Mapping mapping = new Dhis2Mapping(
				Map.of(Dhis2Mapping.rowKey(TableKind.ABUSED_CHILDREN, "SEXUAL"), "deSexual01"),
				Map.of("F", "cocFemale01"), Map.of("31117", "ouCaiKhe001"));

		String file = new String(Dhis2DataValues.write(ExportTables.abused(), mapping, json));

		List<Map<String, String>> values = JsonPath.read(file, "$.dataValues");
		assertThat(values).containsExactly(
				Map.of("dataElement", "deSexual01", "period", "2025S1", "orgUnit", "ouCaiKhe001", "categoryOptionCombo",
						"cocFemale01", "value", "12"),
				Map.of("dataElement", "deSexual01", "period", "2025S1", "orgUnit", "ouCaiKhe001", "categoryOptionCombo",
						"M", "value", "30"),
				Map.of("dataElement", "deSexual01", "period", "2025S1", "orgUnit", "ouCaiKhe001", "categoryOptionCombo",
						"share", "value", "61.3"));
	}

	@Test
	void anUnmappedCodeIsWrittenAsItselfAndAYearInDhis2Notation() {
		StatisticsTable table = ExportTables.abused();
		StatisticsTable year = new StatisticsTable(table.kind(), StatisticsPeriod.year(2024), table.unit(),
				table.columns(), table.rows(), true);

		String file = new String(Dhis2DataValues.write(year, Dhis2Mapping.none(), json));

		assertThat(JsonPath.<List<String>>read(file, "$.dataValues[*].dataElement")).containsOnly("SEXUAL");
		assertThat(JsonPath.<List<String>>read(file, "$.dataValues[*].orgUnit")).containsOnly("31117");
		assertThat(JsonPath.<List<String>>read(file, "$.dataValues[*].period")).containsOnly("2024");
		assertThat(Dhis2DataValues.period(StatisticsPeriod.halfYear(2025, 2))).isEqualTo("2025S2");
	}

	@Test
	void aCustomRangeIsRefusedOnThePeriodField() {
		StatisticsPeriod range = StatisticsPeriod.parse("2025-01-01..2025-03-31", java.time.LocalDate.of(2026, 1, 1));

		assertThatThrownBy(() -> Dhis2DataValues.period(range)).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.errors().asMap()).containsEntry("period",
						"statistics-exports.dhis2.custom-period"));
	}

}
