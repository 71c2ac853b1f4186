package vn.trean.statistics;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Setting;
import vn.trean.statistics.StatisticsTables.Audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Indicator 0101 through the real flows: a report taken into a case whose harm is
 * confirmed counts its child once in the half year, in the rows of its setting and form,
 * and the cell lists the case.
 */
@IntegrationTest
class OfficialTablesEndToEndIntegrationTests {

	/**
	 * Phường Long Tuyền: a commune of its own, so its reports crowd no inbox other tests
	 * read.
	 */
	private static final String LONG_TUYEN = "31183";

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestUnits units;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	OfficialTables tables;

	@Autowired
	StatisticsUnits statisticsUnits;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConfirmedHarmCountsItsChildOnceInTheHalfYearAndItsCellListsTheCase() {
		StatisticsPeriod period = StatisticsPeriod.halfYearOf(geography.today());
		StatisticsUnit unit = statisticsUnits.resolve(LONG_TUYEN, period);
		StatisticsTable before = tables.table(TableKind.ABUSED_CHILDREN, period, unit, Audience.CASE_WORKERS);
		Actor officer = Actor.of(testCases.user(accounts.create(Role.COMMUNE_OFFICER, LONG_TUYEN)), "127.0.0.1");

		CaseId id = commune.reported(ReportDrafts.at(units.id(LONG_TUYEN))
			.withChild("Phạm Thị Thu " + UUID.randomUUID().toString().substring(0, 5), 8)
			.withHarm(HarmForm.SEXUAL_MOLESTATION, HarmForm.VIOLENCE)
			.withSetting(Setting.ONLINE)
			.build());
		workflow.startVerification(officer, id, testCases.version(id));
		workflow.confirmHarm(officer, id, testCases.version(id), "Có dấu hiệu bị xâm hại");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM stat_abused_child WHERE case_id = :id")
				.param("id", id.value())
				.query(Long.class)
				.single() == 2);

		StatisticsTable after = tables.table(TableKind.ABUSED_CHILDREN, period, unit, Audience.CASE_WORKERS);
		for (String row : new String[] { "0101", "0101_SETTING_ONLINE", "0101_FORM_SEXUAL",
				"0101_FORM_SEXUAL_MOLESTATION", "0101_FORM_VIOLENCE" }) {
			assertThat(OfficialTablesIntegrationTests.value(after, row, "TOTAL")).as(row)
				.isEqualTo(OfficialTablesIntegrationTests.value(before, row, "TOTAL") + 1);
		}
		assertThat(tables.records(TableKind.ABUSED_CHILDREN, "0101_SETTING_ONLINE", "TOTAL", period, unit, 0).items())
			.extracting(CellRecord::id)
			.contains(id.value().toString());
	}

}
