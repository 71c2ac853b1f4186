package vn.trean.registers;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterCounts.Count;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags kept on facility checks (V23: a facility's last check of a year, its first
 * check of a year with a prevention session) follow every insert, change and deletion of
 * the checks in the same transaction, and the grouped counts that read them agree, year
 * by year, with the counts that read the checks themselves.
 */
@IntegrationTest
class FacilityCheckFlagsIntegrationTests {

	private static final String BY = "facility-flags-test";

	private static final EnumSet<Count> FACILITY_COUNTS = EnumSet.of(Count.SCHOOLS,
			Count.SCHOOLS_WITH_PREVENTION_SESSION, Count.HEALTH_FACILITIES, Count.HEALTH_FACILITIES_STRENGTHENED);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	RegisterCounts registerCounts;

	@Autowired
	javax.sql.DataSource dataSource;

	@AfterEach
	void removeRecords() {
		jdbc.sql("DELETE FROM facility WHERE entered_by = ?").param(BY).update();
	}

	@Test
	void aHealthFacilitysLastCheckOfEachYearIsFlaggedAndItsVerdictHoldsUntilTheNextCheck() {
		UnitId caiKhe = testUnits.caiKhe();
		long clinic = facility(caiKhe, "HEALTH_FACILITY");
		long ready2018 = healthCheck(clinic, "2018-05-01", true);
		long notReady2019 = healthCheck(clinic, "2019-03-01", false);
		long readyEarly2021 = healthCheck(clinic, "2021-02-01", true);
		long notReadyLate2021 = healthCheck(clinic, "2021-11-01", false);
		long ready2023 = healthCheck(clinic, "2023-06-01", true);
		assertThat(lastOfYear(clinic)).containsExactly(ready2018, notReady2019, notReadyLate2021, ready2023);
		assertAgreement(caiKhe, 2020, 2025);
		long before = strengthened(caiKhe, 2022);

		// the late 2021 check moves to January: the ready one of February is now the last
		jdbc.sql("UPDATE facility_check SET checked_on = DATE '2021-01-15' WHERE id = ?")
			.param(notReadyLate2021)
			.update();
		assertThat(lastOfYear(clinic)).containsExactly(ready2018, notReady2019, readyEarly2021, ready2023);
		assertThat(strengthened(caiKhe, 2022)).isEqualTo(before + 1);
		assertAgreement(caiKhe, 2020, 2025);

		// a check of 2019 removed: the ready verdict of 2018 holds in 2020, the first
		// year shown
		jdbc.sql("DELETE FROM facility_check WHERE id = ?").param(notReady2019).update();
		assertThat(lastOfYear(clinic)).containsExactly(ready2018, readyEarly2021, ready2023);
		assertAgreement(caiKhe, 2020, 2025);

		// a check moved to another facility leaves both facilities' flags right
		long other = facility(caiKhe, "HEALTH_FACILITY");
		jdbc.sql("UPDATE facility_check SET facility_id = ? WHERE id = ?").params(other, readyEarly2021).update();
		assertThat(lastOfYear(clinic)).containsExactly(ready2018, notReadyLate2021, ready2023);
		assertThat(lastOfYear(other)).containsExactly(readyEarly2021);
		assertAgreement(caiKhe, 2019, 2024);
	}

	@Test
	void aSchoolsFirstCheckOfEachYearWithAPreventionSessionIsFlagged() {
		UnitId caiKhe = testUnits.caiKhe();
		long school = facility(caiKhe, "SCHOOL");
		long without = schoolCheck(school, "2022-01-10", false);
		long first = schoolCheck(school, "2022-03-10", true);
		long second = schoolCheck(school, "2022-09-10", true);
		long unknown = schoolCheck(school, "2023-02-10", null);
		assertThat(firstSessionOfYear(school)).containsExactly(first);
		assertAgreement(caiKhe, 2021, 2024);
		long before = sessions(caiKhe, 2023);

		jdbc.sql("UPDATE facility_check SET prevention_session = false WHERE id = ?").param(first).update();
		assertThat(firstSessionOfYear(school)).containsExactly(second);
		jdbc.sql("UPDATE facility_check SET prevention_session = true WHERE id = ?").param(unknown).update();
		assertThat(firstSessionOfYear(school)).containsExactly(second, unknown);
		assertThat(sessions(caiKhe, 2023)).isEqualTo(before + 1);
		jdbc.sql("DELETE FROM facility_check WHERE id IN (?, ?)").params(second, without).update();
		assertThat(firstSessionOfYear(school)).containsExactly(unknown);
		assertAgreement(caiKhe, 2021, 2024);
	}

	@Test
	void checksOfOneFacilityAddedByTwoUsersAtOnceLeaveOneLastCheckOfTheYear() throws Exception {
		UnitId caiKhe = testUnits.caiKhe();
		long clinic = facility(caiKhe, "HEALTH_FACILITY");
		String add = """
				INSERT INTO facility_check (facility_id, checked_on, intake_procedure, trained_staff, counselling,
				  entered_by, entered_at) VALUES (?, ?, true, true, ?, ?, now())""";

		boolean waited = vn.trean.OverlappingTransactions.run(dataSource, jdbc, c -> {
			try (var insert = c.prepareStatement(add)) {
				insert.setLong(1, clinic);
				insert.setObject(2, LocalDate.parse("2024-03-01"));
				insert.setBoolean(3, true);
				insert.setString(4, BY);
				insert.executeUpdate();
			}
		}, c -> {
			try (var insert = c.prepareStatement(add)) {
				insert.setLong(1, clinic);
				insert.setObject(2, LocalDate.parse("2024-09-01"));
				insert.setBoolean(3, false);
				insert.setString(4, BY);
				insert.executeUpdate();
			}
		});

		assertThat(jdbc.sql("""
				SELECT checked_on::text FROM facility_check WHERE facility_id = ? AND last_of_year""")
			.param(clinic)
			.query(String.class)
			.list()).containsExactly("2024-09-01");
		assertAgreement(caiKhe, 2023, 2025);
		assertThat(waited).as("the second writer waits for the first").isTrue();
	}

	/** The grouped counts (flags) equal the single counts (the checks) in every year. */
	/** The grouped counts (flags) equal the single counts (the checks) in every year. */
	private void assertAgreement(UnitId commune, int from, int to) {
		var grouped = registerCounts.countsByCommune(geography.provinceOf(commune), from, to, FACILITY_COUNTS);
		for (int year = from; year <= to; year++) {
			var single = registerCounts.counts(commune, year);
			for (Count count : FACILITY_COUNTS) {
				assertThat(grouped.get(commune, year).get(count)).as(count + " " + year).isEqualTo(single.get(count));
			}
		}
	}

	private long strengthened(UnitId commune, int year) {
		return registerCounts.counts(commune, year).get(Count.HEALTH_FACILITIES_STRENGTHENED);
	}

	private long sessions(UnitId commune, int year) {
		return registerCounts.counts(commune, year).get(Count.SCHOOLS_WITH_PREVENTION_SESSION);
	}

	private long facility(UnitId unit, String kind) {
		return jdbc.sql("""
				INSERT INTO facility (unit_id, kind, name, entered_by, entered_at)
				VALUES (?, ?, 'Cơ sở kiểm thử', ?, now()) RETURNING id""")
			.params(unit.value(), kind, BY)
			.query(Long.class)
			.single();
	}

	private long healthCheck(long facility, String on, boolean ready) {
		return jdbc.sql("""
				INSERT INTO facility_check (facility_id, checked_on, intake_procedure, trained_staff, counselling,
				  entered_by, entered_at)
				VALUES (?, ?, true, true, ?, ?, now()) RETURNING id""")
			.params(facility, LocalDate.parse(on), ready, BY)
			.query(Long.class)
			.single();
	}

	private long schoolCheck(long facility, String on, Boolean session) {
		return jdbc.sql("""
				INSERT INTO facility_check (facility_id, checked_on, prevention_session, hotline_promoted,
				  entered_by, entered_at)
				VALUES (?, ?, ?, true, ?, now()) RETURNING id""")
			.params(facility, LocalDate.parse(on), session, BY)
			.query(Long.class)
			.single();
	}

	private List<Long> lastOfYear(long facility) {
		return jdbc.sql("SELECT id FROM facility_check WHERE facility_id = ? AND last_of_year ORDER BY checked_on")
			.param(facility)
			.query(Long.class)
			.list();
	}

	private List<Long> firstSessionOfYear(long facility) {
		return jdbc
			.sql("SELECT id FROM facility_check WHERE facility_id = ? AND first_session_of_year ORDER BY checked_on")
			.param(facility)
			.query(Long.class)
			.list();
	}

}
