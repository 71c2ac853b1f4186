package vn.trean.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.statistics.StatisticsTable.Cell;
import vn.trean.statistics.StatisticsTables.Audience;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official tables' figures from known rows of the read model: each test keeps to a
 * year of its own in Cái Khế (or an old district), so no other test's rows count.
 */
@IntegrationTest
class OfficialTablesIntegrationTests {

	@Autowired
	OfficialTables tables;

	@Autowired
	StatisticsUnits units;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	StatRows rows;

	@BeforeEach
	void rows() {
		rows = new StatRows(jdbc);
	}

	@Test
	void aChildWithTwoReportsCountsOnceWithTheSexAndAgeOfHerFirstHarm() {
		UnitId caiKhe = testUnits.caiKhe();
		long girl = StatRows.newChild();
		long boy = StatRows.newChild();
		rows.abused(rows.caseOpened(caiKhe, day(2011, 3, 1)), girl, "VIOLENCE", caiKhe, day(2011, 3, 1), "FEMALE", 5,
				"FAMILY");
		rows.abused(rows.caseOpened(caiKhe, day(2011, 5, 1)), girl, "SEXUAL_RAPE", caiKhe, day(2011, 5, 1), "FEMALE", 6,
				"SCHOOL");
		UUID boysCase = rows.caseOpened(caiKhe, day(2010, 12, 31));
		rows.abused(boysCase, boy, "NEGLECT", caiKhe, day(2010, 12, 31), "MALE", 9, "FAMILY");
		rows.abused(rows.caseOpened(caiKhe, day(2011, 8, 1)), boy, "NEGLECT", caiKhe, day(2011, 8, 1), "MALE", null,
				"COMMUNITY");
		rows.abused(rows.caseOpened(testUnits.id(TestUnits.NINH_KIEU), day(2011, 8, 1)), StatRows.newChild(), "NEGLECT",
				testUnits.id(TestUnits.NINH_KIEU), day(2011, 8, 1), "MALE", 3, "FAMILY");

		StatisticsTable table = table(TableKind.ABUSED_CHILDREN, "2011", TestUnits.CAI_KHE, Audience.CASE_WORKERS);

		assertThat(value(table, "0101", "F_0_5")).isEqualTo(1);
		assertThat(value(table, "0101", "F_6_10")).isZero();
		assertThat(value(table, "0101", "M_UNKNOWN")).isEqualTo(1);
		assertThat(value(table, "0101", "M_6_10")).isZero();
		assertThat(value(table, "0101", "TOTAL")).isEqualTo(2);
		assertThat(value(table, "0101_SETTING_FAMILY", "TOTAL")).isEqualTo(1);
		assertThat(value(table, "0101_SETTING_SCHOOL", "F_0_5")).isEqualTo(1);
		assertThat(value(table, "0101_SETTING_COMMUNITY", "M_UNKNOWN")).isEqualTo(1);
		assertThat(value(table, "0101_FORM_SEXUAL", "TOTAL")).isEqualTo(1);
		assertThat(value(table, "0101_FORM_SEXUAL_RAPE", "F_0_5")).isEqualTo(1);
		assertThat(value(table, "0101_FORM_NEGLECT", "TOTAL")).isEqualTo(1);
		assertThat(table.rows().stream().filter(r -> r.code().equals("0101_FORM_SEXUAL_RAPE")).findFirst())
			.hasValueSatisfying(r -> assertThat(r.level()).isEqualTo(1));
		assertThat(table.columns().get(table.columns().size() - 1).total()).isTrue();
		everyCellListsExactlyTheRecordsItCounts(table);
	}

	@Test
	void aReopenedCaseIsOpenAtThePeriodsEndAndChildrenOfEmergenciesCountOnce() {
		UnitId caiKhe = testUnits.caiKhe();
		UUID reopened = rows.caseOpened(caiKhe, day(2012, 2, 1));
		rows.closed(reopened, caiKhe, day(2012, 3, 1), day(2012, 4, 1));
		UUID closedLater = rows.caseOpened(caiKhe, day(2011, 6, 1));
		rows.closed(closedLater, caiKhe, day(2012, 5, 1), null);
		UUID closedBefore = rows.caseOpened(caiKhe, day(2011, 6, 1));
		rows.closed(closedBefore, caiKhe, day(2011, 7, 1), null);
		UUID emergency = rows.caseOpened(caiKhe, day(2012, 6, 1), day(2012, 6, 2), null);
		long child = StatRows.newChild();
		rows.abused(emergency, child, "VIOLENCE", caiKhe, day(2012, 6, 1), "FEMALE", 7, "FAMILY");
		rows.abused(emergency, child, "NEGLECT", caiKhe, day(2012, 6, 1), "FEMALE", 7, "FAMILY");
		rows.abused(emergency, StatRows.newChild(), "VIOLENCE", caiKhe, day(2012, 6, 1), "MALE", 9, "FAMILY");
		rows.caseOpened(caiKhe, day(2011, 11, 1), day(2011, 11, 2), day(2012, 1, 5));

		StatisticsTable table = table(TableKind.CASES, "2012", TestUnits.CAI_KHE, Audience.CASE_WORKERS);

		assertThat(value(table, "CASES_NEW", "TOTAL")).isEqualTo(2);
		assertThat(value(table, "CASES_CLOSED", "TOTAL")).isEqualTo(2);
		assertThat(value(table, "CASES_OPEN_AT_END", "TOTAL")).isEqualTo(3);
		assertThat(value(table, "CASES_CHILDREN_EMERGENCY", "TOTAL")).isEqualTo(2);
		assertThat(value(table, "CASES_CHILDREN_SEPARATED", "TOTAL")).isEqualTo(1);
		everyCellListsExactlyTheRecordsItCounts(table);
	}

	@Test
	void aChildInAGroupByRecordAndCaseCountsOnceAndOnlyOverlappingSupportCounts() {
		UnitId caiKhe = testUnits.caiKhe();
		long both = StatRows.newChild();
		rows.inGroup(both, "ABANDONED", "RECORD", caiKhe, day(2012, 5, 1), null);
		rows.inGroup(both, "ABANDONED", "CASE", caiKhe, day(2013, 2, 1), day(2013, 3, 1));
		rows.supported(both, caiKhe, day(2013, 12, 1), null);
		long left = StatRows.newChild();
		rows.inGroup(left, "DISABILITY", "RECORD", caiKhe, day(2011, 1, 1), day(2012, 12, 31));
		long unsupported = StatRows.newChild();
		rows.inGroup(unsupported, "DISABILITY", "RECORD", caiKhe, day(2013, 4, 1), null);
		rows.supported(unsupported, caiKhe, day(2012, 1, 1), day(2012, 12, 1));

		StatisticsTable table = table(TableKind.SPECIAL_CIRCUMSTANCES, "2013", TestUnits.CAI_KHE,
				Audience.CASE_WORKERS);

		assertThat(value(table, "SC", "CHILDREN")).isEqualTo(2);
		assertThat(value(table, "SC_ABANDONED", "CHILDREN")).isEqualTo(1);
		assertThat(value(table, "SC_ABANDONED", "SUPPORTED")).isEqualTo(1);
		assertThat(decimal(table, "SC_ABANDONED", "SUPPORTED_SHARE")).isEqualByComparingTo("100.0");
		assertThat(value(table, "SC_DISABILITY", "CHILDREN")).isEqualTo(1);
		assertThat(decimal(table, "SC_DISABILITY", "SUPPORTED_SHARE")).isEqualByComparingTo("0");
		assertThat(decimal(table, "SC", "RATE_PER_100")).as("no child population entered").isNull();
		everyCellListsExactlyTheRecordsItCounts(table);

		jdbc.sql("""
				INSERT INTO reference_denominator (kind, unit_id, year, value, entered_by, entered_at)
				VALUES ('CHILDREN', :unit, 2013, 400, 'test', :at)""")
			.param("unit", caiKhe.value())
			.param("at", java.sql.Timestamp.from(Instant.now()))
			.update();
		StatisticsTable rated = table(TableKind.SPECIAL_CIRCUMSTANCES, "2013", TestUnits.CAI_KHE,
				Audience.CASE_WORKERS);
		assertThat(decimal(rated, "SC", "RATE_PER_100")).isEqualByComparingTo("0.5");
	}

	@Test
	void reportsCountByChannelAndTheShareRoutedToTheCommuneIsOfReportsOfHarm() {
		UnitId caiKhe = testUnits.caiKhe();
		rows.report(caiKhe, day(2014, 1, 10), "HOTLINE_111", "HARM", true);
		rows.report(caiKhe, day(2014, 2, 10), "HOTLINE_111", "HARM", true);
		rows.report(caiKhe, day(2014, 3, 10), "HOTLINE_111", "HARM", false);
		rows.report(caiKhe, day(2014, 4, 10), "WALK_IN", "COUNSELLING", false);
		rows.report(caiKhe, day(2015, 1, 10), "WALK_IN", "HARM", true);

		StatisticsTable table = table(TableKind.INTAKE, "2014", TestUnits.CAI_KHE, Audience.CASE_WORKERS);

		assertThat(value(table, "INTAKE_REPORTS", "TOTAL")).isEqualTo(4);
		assertThat(value(table, "INTAKE_CHANNEL_HOTLINE_111", "TOTAL")).isEqualTo(3);
		assertThat(decimal(table, "INTAKE_CHANNEL_HOTLINE_111", "SHARE")).isEqualByComparingTo("75.0");
		assertThat(value(table, "INTAKE_CONTACT_COUNSELLING", "TOTAL")).isEqualTo(1);
		assertThat(value(table, "INTAKE_HARM", "TOTAL")).isEqualTo(3);
		assertThat(value(table, "INTAKE_HARM_ROUTED", "TOTAL")).isEqualTo(2);
		assertThat(decimal(table, "INTAKE_HARM_ROUTED", "SHARE")).isEqualByComparingTo("66.7");
		everyCellListsExactlyTheRecordsItCounts(table);
	}

	@Test
	void anOldDistrictCountsTheRecordsOfItsOldCommunesAndSoDoesTheProvince() {
		StatisticsPeriod period = StatisticsPeriod.parse("2016-H1", geography.today());
		var district = geography.history(testUnits.canTho()).oldDistricts().get(0);
		StatisticsUnit unit = units.resolve(district.code(), period);
		UnitId part = unit.counted().stream().filter(id -> !id.equals(district.id())).findFirst().orElseThrow();
		rows.report(part, day(2016, 3, 3), "POLICE", "HARM", true);

		assertThat(
				value(tables.table(TableKind.INTAKE, period, unit, Audience.CASE_WORKERS), "INTAKE_REPORTS", "TOTAL"))
			.isEqualTo(1);
		assertThat(value(table(TableKind.INTAKE, "2016-H1", TestUnits.CAN_THO, Audience.CASE_WORKERS),
				"INTAKE_CHANNEL_POLICE", "TOTAL"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void aTenYearRangeIsCountedForTheProvince() {
		rows.report(testUnits.caiKhe(), day(2017, 3, 3), "SCHOOL", "HARM", true);
		for (TableKind kind : List.of(TableKind.ABUSED_CHILDREN, TableKind.CASES, TableKind.SPECIAL_CIRCUMSTANCES,
				TableKind.INTAKE)) {
			StatisticsTable table = table(kind, "2010-01-01..2019-12-31", TestUnits.CAN_THO, Audience.FIGURES_ONLY);
			assertThat(table.rows()).isNotEmpty();
			assertThat(table.suppressed()).isTrue();
		}
		assertThat(value(table(TableKind.INTAKE, "2010-01-01..2019-12-31", TestUnits.CAN_THO, Audience.CASE_WORKERS),
				"INTAKE_CHANNEL_SCHOOL", "TOTAL"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void figuresOnlyHidesSmallNumbersAndEveryTrace() {
		UnitId caiKhe = testUnits.caiKhe();
		for (int i = 0; i < 7; i++) {
			rows.abused(rows.caseOpened(caiKhe, day(2018, 2, 1)), StatRows.newChild(), "VIOLENCE", caiKhe,
					day(2018, 2, 1), "FEMALE", 4, "FAMILY");
		}
		rows.abused(rows.caseOpened(caiKhe, day(2018, 2, 1)), StatRows.newChild(), "VIOLENCE", caiKhe, day(2018, 2, 1),
				"MALE", 12, "FAMILY");

		StatisticsTable shown = table(TableKind.ABUSED_CHILDREN, "2018", TestUnits.CAI_KHE, Audience.FIGURES_ONLY);

		Cell boys = cell(shown, "0101", "M_11_15");
		assertThat(boys.suppressed()).isTrue();
		assertThat(boys.value()).isNull();
		assertThat(cell(shown, "0101", "F_0_5").suppressed()).as("the one cell its total could reveal").isTrue();
		assertThat(shown.rows()).allSatisfy(r -> assertThat(r.cells()).allMatch(c -> c.trace() == null));
		assertThat(cell(table(TableKind.ABUSED_CHILDREN, "2018", TestUnits.CAI_KHE, Audience.CASE_WORKERS), "0101",
				"M_11_15")
			.trace()).isEqualTo("0101/M_11_15");
	}

	private void everyCellListsExactlyTheRecordsItCounts(StatisticsTable table) {
		for (StatisticsTable.Row row : table.rows()) {
			for (int c = 0; c < row.cells().size(); c++) {
				Cell cell = row.cells().get(c);
				String column = table.columns().get(c).code();
				if (!tables.hasCell(table.kind(), row.code(), column)) {
					continue;
				}
				long listed = tables.records(table.kind(), row.code(), column, table.period(), table.unit(), 0)
					.items()
					.size();
				assertThat(listed).as(row.code() + "/" + column).isEqualTo(cell.value().longValue());
				assertThat(cell.trace()).isEqualTo(listed == 0 ? null : row.code() + "/" + column);
			}
		}
	}

	private StatisticsTable table(TableKind kind, String period, String unit, Audience audience) {
		StatisticsPeriod p = StatisticsPeriod.parse(period, geography.today());
		return tables.table(kind, p, units.resolve(unit, p), audience);
	}

	static Cell cell(StatisticsTable table, String row, String column) {
		int c = 0;
		while (!table.columns().get(c).code().equals(column)) {
			c++;
		}
		int at = c;
		return table.rows()
			.stream()
			.filter(r -> r.code().equals(row))
			.findFirst()
			.map(r -> r.cells().get(at))
			.orElseThrow(() -> new AssertionError("no row " + row));
	}

	static long value(StatisticsTable table, String row, String column) {
		return cell(table, row, column).value().longValueExact();
	}

	static @Nullable BigDecimal decimal(StatisticsTable table, String row, String column) {
		return cell(table, row, column).value();
	}

	private static LocalDate day(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

}
