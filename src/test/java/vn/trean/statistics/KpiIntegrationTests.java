package vn.trean.statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.ReportDrafts;
import vn.trean.cases.CaseForms;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.identity.Actor;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.shared.Time;
import vn.trean.statistics.StatisticsTable.Row;
import vn.trean.statistics.StatisticsTables.Audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case KPIs from known rows of the read model: deadlines met, late and not yet due;
 * median and 90th percentile; closures and reopenings; case loads; deadlines overdue as
 * the clock moves; the page with its definitions and breakdown, withheld small numbers
 * for a statistician; the dashboard's charts and ranking. The rows lie in 2016, a year no
 * other test's records reach, in two communes of Cần Thơ the demo does not use, and are
 * removed afterwards.
 */
@IntegrationTest
class KpiIntegrationTests {

	private static final StatisticsPeriod H1_2016 = StatisticsPeriod.halfYear(2016, 1);

	/**
	 * Communes other tests' cases happen in (Tân An: the referrals'; the read model's,
	 * the tables' end-to-end and the browser journey's own).
	 */
	private static final List<String> OTHER_TESTS = List.of("31147", "31174", "31183", "31162");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiTable kpiTable;

	@Autowired
	KpiDashboard dashboard;

	@Autowired
	StatisticsUnits units;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestClock clock;

	@Autowired
	MessageSource messages;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	private KpiRows rows;

	private AdministrativeUnit communeA;

	private AdministrativeUnit communeB;

	/** A commune for the test through the real flows, whose case stays. */
	private AdministrativeUnit communeC;

	@BeforeEach
	void communes() {
		rows = new KpiRows(jdbc);
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(testUnits.canTho())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.filter(u -> !u.id().equals(testUnits.caiKhe()) && !u.id().equals(testUnits.ninhKieu()))
			.filter(u -> !OTHER_TESTS.contains(u.code()))
			.toList();
		communeA = communes.get(communes.size() - 1);
		communeB = communes.get(communes.size() - 2);
		communeC = communes.get(communes.size() - 3);
	}

	@AfterEach
	void removeRows() {
		clock.reset();
		rows.removeAll();
	}

	@Test
	void deadlinesOpenAndOverdueCountAsLateAndThoseNotYetDueAreLeftOut() {
		UnitId a = communeA.id();
		Instant now = Instant.now();
		deadline(a, "EMERGENCY_DECISION", at("2016-02-01T08:00"), Duration.ofHours(12), Duration.ofHours(5));
		deadline(a, "EMERGENCY_DECISION", at("2016-02-02T08:00"), Duration.ofHours(12), Duration.ofHours(20));
		deadline(a, "EMERGENCY_DECISION", at("2016-02-03T08:00"), Duration.ofHours(12), null);
		UUID notDue = rows.caseOf(a, null, at("2016-02-04T08:00"), null, null);
		rows.deadline(notDue, a, "EMERGENCY_DECISION", at("2016-02-04T08:00"), now.plus(Duration.ofDays(3)), null);
		deadline(a, "PLAN", at("2016-03-01T08:00"), Duration.ofDays(7), Duration.ofDays(6));
		deadline(a, "PLAN", at("2016-03-02T08:00"), Duration.ofDays(7), Duration.ofDays(9));

		StatisticsTable table = table(communeA, Audience.CASE_WORKERS);

		assertThat(counts(table, "EMERGENCY_ON_TIME")).containsExactly(1L, 3L);
		assertThat(value(table, "EMERGENCY_ON_TIME", 2)).isEqualByComparingTo("33.3");
		assertThat(counts(table, "PLAN_ON_TIME")).containsExactly(1L, 2L);
		assertThat(value(table, "PLAN_ON_TIME", 2)).isEqualByComparingTo("50.0");
	}

	@Test
	void medianAndNinetiethPercentileOfTheHoursToTheInitialAssessment() {
		for (int hours : new int[] { 10, 20, 30, 40, 100 }) {
			Instant received = at("2016-04-01T08:00");
			rows.caseOf(communeA.id(), null, received, received.plus(Duration.ofHours(hours)), null);
		}
		StatisticsTable table = table(communeA, Audience.CASE_WORKERS);

		assertThat(value(table, "ASSESSMENT_MEDIAN", 3)).isEqualByComparingTo("30.0");
		assertThat(value(table, "ASSESSMENT_P90", 3)).isEqualByComparingTo("76.0");
		assertThat(counts(table, "ASSESSMENT_MEDIAN")).containsExactly(null, 5L);
	}

	@Test
	void aClosureReopenedWithinSixMonthsCountsAndOneReopenedLaterDoesNot() {
		UnitId a = communeA.id();
		closedCase(a, at("2016-03-01T08:00"), at("2016-04-01T08:00"));
		closedCase(a, at("2016-03-02T08:00"), at("2016-12-01T08:00"));
		closedCase(a, at("2016-03-03T08:00"), null);
		rows.caseOf(a, null, at("2016-01-10T08:00"), null, null);
		UUID before = rows.caseOf(a, null, at("2015-10-01T08:00"), null, at("2015-12-01T08:00"));
		rows.closure(before, a, at("2015-12-01T08:00"), null);

		StatisticsTable table = table(communeA, Audience.CASE_WORKERS);

		assertThat(counts(table, "REOPENED_WITHIN_6_MONTHS")).containsExactly(1L, 3L);
		assertThat(counts(table, "CLOSURE_RATE")).containsExactly(3L, 4L);
		assertThat(value(table, "CLOSURE_RATE", 2)).isEqualByComparingTo("75.0");
	}

	@Test
	void caseLoadCountsTheCasesOpenAtThePeriodsEndPerOfficerWithOne() {
		UnitId a = communeA.id();
		for (int i = 0; i < 3; i++) {
			rows.caseOf(a, 901L, at("2016-01-05T08:00"), null, null);
		}
		rows.caseOf(a, 902L, at("2016-01-05T08:00"), null, null);
		closedCase(a, 901L, at("2016-05-01T08:00"));
		rows.caseOf(a, 903L, at("2016-08-01T08:00"), null, null);

		StatisticsTable table = table(communeA, Audience.CASE_WORKERS);

		assertThat(counts(table, "CASE_LOAD")).containsExactly(4L, 2L);
		assertThat(counts(table, "CASE_LOAD_MAX").get(0)).isEqualTo(3L);
	}

	@Test
	void aDeadlineBecomesOverdueNowWhenTheClockPassesItsDueTime() {
		UnitId a = communeA.id();
		Instant now = clock.instant();
		UUID open = rows.caseOf(a, null, now.minus(Duration.ofHours(1)), null, null);
		rows.deadline(open, a, "EMERGENCY_DECISION", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
				null);
		StatisticsPeriod current = StatisticsPeriod.halfYearOf(geography.today());
		StatisticsUnit unit = units.of(communeA);

		assertThat(row(kpiTable.table(current, unit, Audience.CASE_WORKERS), "OVERDUE_NOW.EMERGENCY_DECISION").cells()
			.get(0)
			.value()).isEqualByComparingTo("0");
		clock.travelBy(Duration.ofHours(3));
		assertThat(row(kpiTable.table(current, unit, Audience.CASE_WORKERS), "OVERDUE_NOW.EMERGENCY_DECISION").cells()
			.get(0)
			.value()).isEqualByComparingTo("1");
	}

	@Test
	void thePageShowsEachKpisDefinitionAndTheOfficersToACaseWorker() {
		long officer = officerCases();
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.COMMUNE_OFFICER, communeA.code()));

		TestUserAgent.Response page = agent.get("/statistics/kpis?period=2016-H1&unit=" + communeA.code());

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("#kpi-EMERGENCY_ON_TIME .definition").text()).isEqualTo(
				messages.getMessage("statistics.kpi.EMERGENCY_ON_TIME.definition", null, Locale.forLanguageTag("vi")));
		assertThat(html.select("#kpi-CLOSURE_RATE .definition").text()).isNotBlank();
		assertThat(html.select("#kpi-CASE_LOAD .value").text()).isEqualTo("7,0 ca/cán bộ");
		assertThat(html.select("#breakdown-table tbody th").eachText()).contains(displayName(officer));
	}

	@Test
	void aStatisticianSeesSmallCountsWithheldAndNoOfficer() {
		long officer = officerCases();
		UnitId a = communeA.id();
		deadline(a, "EMERGENCY_DECISION", at("2016-02-01T08:00"), Duration.ofHours(12), Duration.ofHours(5));
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAN_THO));

		Document html = Jsoup.parse(agent.get("/statistics/kpis?period=2016-H1&unit=" + communeA.code()).body());

		assertThat(html.select("#suppressed-note")).hasSize(1);
		assertThat(html.select("#kpi-EMERGENCY_ON_TIME .value abbr.withheld")).hasSize(1);
		assertThat(html.select("#kpi-EMERGENCY_ON_TIME .numerator abbr.withheld")).hasSize(1);
		assertThat(html.select("#kpi-CASE_LOAD .numerator").text()).isEqualTo("7");
		assertThat(html.select("#breakdown")).isEmpty();
		assertThat(html.text()).doesNotContain(displayName(officer));
	}

	@Test
	void theDashboardDrawsTrendsWithTheirFiguresAndRanksCommunesWorstFirst() {
		Instant now = clock.instant();
		for (int i = 0; i < 6; i++) {
			overdueNow(communeB.id(), now);
		}
		for (int i = 0; i < 2; i++) {
			overdueNow(communeA.id(), now);
		}
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));

		TestUserAgent.Response page = agent.get("/statistics/dashboard");

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("#trends svg[role=img]")).hasSize(KpiDashboard.TRENDS.size());
		for (Element figure : html.select("#trends figure")) {
			assertThat(figure.select("svg > title").text()).isNotBlank();
			assertThat(figure.select("svg > desc").text()).isNotBlank();
			assertThat(figure.select("svg").attr("viewBox")).isEqualTo("0 0 320 150");
			assertThat(figure.select("svg").hasAttr("width")).isFalse();
			assertThat(figure.select("details table tbody tr")).hasSize(KpiDashboard.TREND_PERIODS);
		}
		List<String> ranked = html.select("#ranking-table tbody th").eachText();
		assertThat(ranked).contains(communeA.fullName(), communeB.fullName());
		assertThat(ranked.indexOf(communeB.fullName())).isLessThan(ranked.indexOf(communeA.fullName()));
		assertThat(html.select("#all-plans").attr("href")).isEqualTo("/plans");
	}

	@Test
	void theDashboardLinksEveryPlanInForceOfTheUnitsProvinceToItsDashboardButNotADraft() {
		long inForce = jdbc.sql("SELECT id FROM plan WHERE number = '55/KH-UBND' AND status = 'ACTIVE'")
			.query(Long.class)
			.single();
		long draft = jdbc.sql("""
				INSERT INTO plan (province_unit_id, number, title, issuer, start_year, end_year, status, created_at)
				VALUES (:province, :number, 'Kế hoạch dự thảo', 'UBND thành phố Cần Thơ', 2026, 2030, 'DRAFT', now())
				RETURNING id""")
			.param("province", testUnits.canTho().value())
			.param("number", "DRAFT-" + System.nanoTime())
			.query(Long.class)
			.single();
		TestUserAgent manager = new TestUserAgent(port);
		manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		TestUserAgent officer = new TestUserAgent(port);
		officer.signIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));

		Map<TestUserAgent, Long> units = Map.of(manager, testUnits.canTho().value(), officer,
				testUnits.caiKhe().value());
		for (TestUserAgent agent : List.of(manager, officer)) {
			Document html = Jsoup.parse(agent.get("/statistics/dashboard").body());
			List<String> links = html.select("#plan-indicators li a").eachAttr("href");
			assertThat(links).contains("/plans/" + inForce + "/dashboard")
				.doesNotContain("/plans/" + draft + "/dashboard");
			assertThat(html.select("#plan-" + inForce).text()).contains("55/KH-UBND");
			assertThat(html.select("#plans-none")).isEmpty();
			// the plan's indicators for the dashboard's unit, loaded from the plans' page
			String row = html.select("#plan-row-" + inForce).attr("hx-get");
			assertThat(row).isEqualTo("/plans/" + inForce + "/dashboard/unit?unit=" + units.get(agent));
			TestUserAgent.Response loaded = agent.get(row);
			assertThat(loaded.status()).isEqualTo(200);
			assertThat(Jsoup.parse(loaded.body()).select("caption").text()).contains("55/KH-UBND");
		}
	}

	@Test
	void theDashboardsTableHasTheFiguresOfTheKpiPageForTheCurrentHalfYear() {
		Instant now = clock.instant();
		StatisticsPeriod current = StatisticsPeriod.halfYearOf(LocalDate.ofInstant(now, vn.trean.shared.Time.ZONE));
		Instant start = KpiScope.startOf(current.from());
		Instant since = now.minus(Duration.ofHours(30)).isAfter(start) ? now.minus(Duration.ofHours(30)) : start;
		deadline(communeA.id(), "EMERGENCY_DECISION", since, Duration.ofHours(12), Duration.ofHours(3));
		deadline(communeA.id(), "EMERGENCY_DECISION", since, Duration.ofHours(12), Duration.ofHours(20));
		deadline(communeA.id(), "PLAN", since, Duration.ofDays(7), Duration.ofDays(2));
		closedCase(communeA.id(), 77L, since.plus(Duration.ofHours(1)));
		closedCase(communeA.id(), since.plus(Duration.ofHours(2)), since.plus(Duration.ofHours(4)));
		overdueNow(communeA.id(), now);
		StatisticsUnit unit = units.of(communeA);

		StatisticsTable shown = dashboard.dashboard(unit, Audience.CASE_WORKERS).table();
		StatisticsTable page = kpiTable.table(current, unit, Audience.CASE_WORKERS);

		assertThat(shown.rows()).isEqualTo(page.rows());
		assertThat(count(row(shown, Kpi.EMERGENCY_ON_TIME.name()), 0)).isEqualTo(1);
		assertThat(count(row(shown, Kpi.EMERGENCY_ON_TIME.name()), 1)).isEqualTo(2);
	}

	@Test
	void theDemoStartShowsACommuneOfficerADashboardWithTheOpenCasesOfTheCommune() {
		// the demo's case of Cái Khế (with other tests' cases there): all open now, so
		// open at some time in the current half year
		awaitListeners();
		long demoCases = jdbc.sql("SELECT count(*) FROM stat_case WHERE unit_id = :unit AND closed_at IS NULL")
			.param("unit", testUnits.caiKhe().value())
			.query(Long.class)
			.single();
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));

		Document html = Jsoup.parse(agent.get("/statistics/dashboard").body());

		assertThat(demoCases).isPositive();
		String open = html.select("#kpi-CLOSURE_RATE .denominator").text().replace(".", "");
		assertThat(Long.parseLong(open)).isGreaterThanOrEqualTo(demoCases);
		assertThat(html.select("#ranking")).isEmpty();
	}

	@Test
	void anUnreadablePeriodIsRefusedOnItsFieldAndNothingElseChanges() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));

		TestUserAgent.Response page = agent.get("/statistics/kpis?period=2016-H3&unit=" + TestUnits.CAN_THO);

		assertThat(page.status()).isEqualTo(422);
		assertThat(Jsoup.parse(page.body()).select("#period-error").text())
			.isEqualTo(messages.getMessage("statistics.period.invalid", null, Locale.forLanguageTag("vi")));
	}

	@Test
	void aCaseReportedAndDecidedInTimeCountsAsAnEmergencyDecisionOnTimeOnlyOnceDecided() {
		Actor officer = Actor.of(testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, communeC.code())),
				"127.0.0.1");
		Actor chair = Actor.of(testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, communeC.code())), "127.0.0.1");
		StatisticsPeriod current = StatisticsPeriod.halfYearOf(geography.today());
		List<Long> before = counts(kpiTable.table(current, units.of(communeC), Audience.CASE_WORKERS),
				"EMERGENCY_ON_TIME");

		CaseId id = commune.reported(ReportDrafts.at(communeC.id())
			.withChild("Trần Văn Kiểm " + UUID.randomUUID().toString().substring(0, 5), 8)
			.withHarm(HarmForm.VIOLENCE)
			.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
			.build());
		workflow.confirmHarm(officer, id, testCases.version(id), "Có dấu hiệu bị bạo lực");
		awaitListeners();
		assertThat(counts(kpiTable.table(current, units.of(communeC), Audience.CASE_WORKERS), "EMERGENCY_ON_TIME"))
			.as("running and not yet due: left out")
			.isEqualTo(before);

		forms.recordEmergencyDecision(chair, id, testCases.version(id), commune.emergencyDecision());
		awaitListeners();
		assertThat(counts(kpiTable.table(current, units.of(communeC), Audience.CASE_WORKERS), "EMERGENCY_ON_TIME"))
			.containsExactly(before.get(0) + 1, before.get(1) + 1);
	}

	private void awaitListeners() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
						+ "AND listener_id LIKE '%StatisticsListeners%'")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void aCommuneOfficerMayNotSeeAnotherCommunesKpisAndAnUnknownUnitIsRefusedOnItsField() {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));

		assertThat(agent.get("/statistics/kpis?unit=" + TestUnits.NINH_KIEU).status()).isEqualTo(403);
		assertThat(agent.get("/statistics/dashboard?unit=" + TestUnits.NINH_KIEU).status()).isEqualTo(403);
		TestUserAgent.Response unknown = agent.get("/statistics/dashboard?unit=99999x");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(Jsoup.parse(unknown.body()).select("#unit-error").text())
			.isEqualTo(messages.getMessage("statistics.unit.unknown", null, Locale.forLanguageTag("vi")));
	}

	/** Seven cases of one new officer, open at the end of 2016-H1; the officer's id. */
	private long officerCases() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, communeA.code());
		long officer = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single();
		for (int i = 0; i < 7; i++) {
			rows.caseOf(communeA.id(), officer, at("2016-01-05T08:00"), null, null);
		}
		return officer;
	}

	private String displayName(long account) {
		return jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(account).query(String.class).single();
	}

	private void overdueNow(UnitId unit, Instant now) {
		UUID open = rows.caseOf(unit, null, now.minus(Duration.ofDays(2)), null, null);
		rows.deadline(open, unit, "PLAN", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), null);
	}

	private void deadline(UnitId unit, String step, Instant started, Duration limit, Duration metAfter) {
		UUID id = rows.caseOf(unit, null, started, null, null);
		rows.deadline(id, unit, step, started, started.plus(limit), metAfter == null ? null : started.plus(metAfter));
	}

	private void closedCase(UnitId unit, Instant closed, Instant reopened) {
		UUID id = rows.caseOf(unit, null, at("2016-01-05T08:00"), null, reopened == null ? closed : null);
		rows.closure(id, unit, closed, reopened);
	}

	private void closedCase(UnitId unit, Long officer, Instant closed) {
		UUID id = rows.caseOf(unit, officer, at("2016-01-05T08:00"), null, closed);
		rows.closure(id, unit, closed, null);
	}

	private StatisticsTable table(AdministrativeUnit unit, Audience audience) {
		return kpiTable.table(H1_2016, units.of(unit), audience);
	}

	private static Row row(StatisticsTable table, String code) {
		return table.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	private static List<Long> counts(StatisticsTable table, String code) {
		Row row = row(table, code);
		return java.util.Arrays.asList(count(row, 0), count(row, 1));
	}

	private static Long count(Row row, int column) {
		BigDecimal v = row.cells().get(column).value();
		return v == null ? null : v.longValueExact();
	}

	private static BigDecimal value(StatisticsTable table, String code, int column) {
		return row(table, code).cells().get(column).value();
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(Time.ZONE).toInstant();
	}

}
