package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.registers.RegisterCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city dashboard (docs/plans.md): the register counts of every commune and year in
 * one query per family agree with the counts of one unit and year; the city sums
 * numerators and denominators (the data are such that averaging the communes' percentages
 * would give another answer); each indicator has an accessible SVG trend chart with a
 * data table; a manager of another province is refused. The records lie in 2012–2013,
 * years no other test's records reach, and are removed afterwards (facilities and rooms
 * count in every year).
 */
@IntegrationTest
class PlanDashboardIntegrationTests {

	private static final int YEAR = 2012;

	private static final String BY = "dashboard-test";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	PlanRepository plans;

	@Autowired
	RegisterCounts registerCounts;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId ninhKieu;

	private long plan;

	@BeforeEach
	void planAndRecords() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		TestPlans.TestPlan created = TestPlans.plan(plans, canTho, "D", "Kế hoạch kiểm thử bảng tổng hợp", YEAR,
				YEAR + 1);
		plan = created.id();
		plans.insert(plan, 1, TestPlans.familiesReached(created.objective()));
		plans.insert(plan, 2, TestPlans.workforceTrained(created.objective()));
		plans.insert(plan, 3, TestPlans.counsellingRooms(created.objective()));
		long trained = plans.indicator(plan, "2.1").orElseThrow().id();
		plans.saveTarget(new Target(trained, YEAR, canTho, new BigDecimal("100"), "test", Instant.now()));
		plans.saveTarget(new Target(trained, YEAR + 1, canTho, new BigDecimal("100"), "test", Instant.now()));

		// the workforce: Cái Khế 1 of 1 trained (100 %), Ninh Kiều 1 of 9 (11.1 %) in
		// 2012;
		// the city is 2 / 10 = 20 %, not the average 55.6 %
		long lan = member(caiKhe, "COLLABORATOR", "2012-01-01", "2013-12-31");
		training(caiKhe, "2012-05-01", "CHILD_PROTECTION_SKILLS", lan);
		for (int i = 0; i < 9; i++) {
			long m = member(ninhKieu, "VOLUNTEER", "2012-01-01", "2012-12-31");
			if (i == 0) {
				training(ninhKieu, "2012-06-01", "SCHOOL_VIOLENCE", m);
			}
		}
		long late = member(ninhKieu, "SOCIAL_WORKER", "2013-01-01", "2013-12-31");
		training(ninhKieu, "2013-03-01", "CHILD_PROTECTION_SKILLS", late);
		long investigator = member(caiKhe, "POLICE_INVESTIGATOR", "2012-01-01", "2013-12-31");
		training(caiKhe, "2013-04-01", "CHILD_FRIENDLY_INVESTIGATION", investigator);
		// facilities: a prevention session of 2011 does not count in 2012; the latest
		// check up to the end of a year decides whether a health facility is strengthened
		long school = facility(caiKhe, "SCHOOL");
		check(school, "2011-06-01", true, null, null, null);
		check(school, "2012-03-01", true, null, null, null);
		facility(ninhKieu, "SCHOOL");
		check(facility(caiKhe, "HEALTH_FACILITY"), "2011-05-01", null, true, true, true);
		long h2 = facility(ninhKieu, "HEALTH_FACILITY");
		check(h2, "2012-02-01", null, true, true, true);
		check(h2, "2013-02-01", null, false, true, true);
		check(facility(ninhKieu, "HEALTH_FACILITY"), "2012-02-01", null, null, true, true);
		room(caiKhe, "2012-06-01", true);
		room(ninhKieu, "2013-01-01", false);
		// households: the same household reached twice in Cái Khế and once in Ninh Kiều
		event(caiKhe, "2012-04-01", "DB-H1", "DB-H2");
		event(caiKhe, "2012-09-01", "DB-H2", "DB-H3");
		event(ninhKieu, "2012-10-01", "DB-H3");

		// reported 1.1: Cái Khế 40 / 40 (100 %), Ninh Kiều 1 / 100 (1 %): the city is
		// 41 / 140 = 29.3 %, not the average 50.5 %; a draft does not count
		long reported = plans.indicator(plan, "1.1").orElseThrow().id();
		report(caiKhe, "APPROVED", reported, 40, 40);
		report(ninhKieu, "APPROVED", reported, 1, 100);
		UnitId other = geography.currentUnitsWithin(canTho)
			.stream()
			.map(AdministrativeUnit::id)
			.filter(u -> !u.equals(canTho) && !u.equals(caiKhe) && !u.equals(ninhKieu))
			.findFirst()
			.orElseThrow();
		report(other, "DRAFT", reported, 5, 5);
	}

	@AfterEach
	void removeRecords() {
		jdbc.sql("DELETE FROM training_participant WHERE training_id IN (SELECT id FROM training WHERE entered_by = ?)")
			.param(BY)
			.update();
		jdbc.sql("DELETE FROM training WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM workforce_member WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM facility WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM interview_room WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM communication_event WHERE entered_by = ?").param(BY).update();
	}

	@Test
	void theCountsOfEveryCommuneAndYearAgreeWithTheCountsOfOneUnitAndYear() {
		RegisterCounts.Grouped grouped = registerCounts.countsByCommune(canTho, YEAR - 1, YEAR + 1,
				EnumSet.allOf(RegisterCounts.Count.class));
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(canTho);
		List<UnitId> communeIds = communes.stream().skip(1).map(AdministrativeUnit::id).toList();
		assertThat(grouped.figures().keySet()).containsAll(List.of(caiKhe, ninhKieu));
		UnitId untouched = communes.get(communes.size() - 1).id();
		for (UnitId unit : List.of(canTho, caiKhe, ninhKieu, untouched)) {
			for (int year = YEAR - 1; year <= YEAR + 1; year++) {
				RegisterCounts.Figures one = registerCounts.counts(unit, year);
				RegisterCounts.Figures all = grouped.get(unit, year);
				for (RegisterCounts.Count count : RegisterCounts.Count.values()) {
					assertThat(all.get(count)).as(count + " of " + unit + " in " + year).isEqualTo(one.get(count));
				}
			}
		}
		// the data above are really counted
		RegisterCounts.Figures caiKhe2012 = grouped.get(caiKhe, YEAR);
		assertThat(caiKhe2012.get(RegisterCounts.Count.WORKFORCE_TRAINED)).isEqualTo(1);
		assertThat(caiKhe2012.get(RegisterCounts.Count.HOUSEHOLDS_REACHED)).isEqualTo(3);
		assertThat(caiKhe2012.get(RegisterCounts.Count.SCHOOLS_WITH_PREVENTION_SESSION)).isEqualTo(1);
		assertThat(grouped.get(caiKhe, YEAR - 1).get(RegisterCounts.Count.SCHOOLS_WITH_PREVENTION_SESSION))
			.isEqualTo(1);
		assertThat(grouped.get(caiKhe, YEAR + 1).get(RegisterCounts.Count.INVESTIGATORS_TRAINED)).isEqualTo(1);
		assertThat(grouped.get(caiKhe, YEAR).get(RegisterCounts.Count.INVESTIGATORS_TRAINED)).isZero();
		assertThat(grouped.get(ninhKieu, YEAR).get(RegisterCounts.Count.HEALTH_FACILITIES_STRENGTHENED)).isEqualTo(1);
		assertThat(grouped.get(ninhKieu, YEAR + 1).get(RegisterCounts.Count.HEALTH_FACILITIES_STRENGTHENED)).isZero();
		assertThat(grouped.get(ninhKieu, YEAR).get(RegisterCounts.Count.HOUSEHOLDS_REACHED)).isEqualTo(1);
		// the province's workforce of 2012 is the sum of its communes' (only these
		// records
		// are active in 2012)
		for (RegisterCounts.Count count : List.of(RegisterCounts.Count.WORKFORCE,
				RegisterCounts.Count.WORKFORCE_TRAINED)) {
			long sum = communeIds.stream().mapToLong(c -> grouped.get(c, YEAR).get(count)).sum();
			assertThat(grouped.get(canTho, YEAR).get(count)).as(count.name()).isEqualTo(sum);
		}
	}

	@Test
	void theCitySumsNumeratorsAndDenominatorsAndEachIndicatorHasAnAccessibleTrendChart() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		var response = manager.get("/plans/" + plan + "/dashboard?year=" + YEAR);
		assertThat(response.status()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());

		List<String> columns = page.select("#dashboard thead th[scope=col] a").eachText();
		assertThat(columns).containsExactly("1.1", "2.1");
		Element city = page.selectFirst("#city");
		assertThat(city.select("td").get(0).text()).isEqualTo("29.3% 41/140 Chưa có CT");
		assertThat(city.select("td").get(1).text()).isEqualTo("20% 2/10 Chậm");
		assertThat(city.select("td").get(1).hasClass("lv-BEHIND")).isTrue();
		Element caiKheRow = page.selectFirst("#u" + caiKhe.value());
		assertThat(caiKheRow.select("th").text()).isEqualTo("Phường Cái Khế");
		assertThat(caiKheRow.select("td").get(0).text()).startsWith("100% 40/40");
		assertThat(caiKheRow.select("td").get(1).text()).startsWith("100% 1/1");
		Element ninhKieuRow = page.selectFirst("#u" + ninhKieu.value());
		assertThat(ninhKieuRow.select("td").get(0).text()).startsWith("1% 1/100");
		assertThat(ninhKieuRow.select("td").get(1).text()).startsWith("11.1% 1/9");
		assertThat(page.select("#dashboard tbody tr")).hasSize(geography.currentUnitsWithin(canTho).size());
		// the register indicator nobody knows how to count is listed, not given a value
		assertThat(page.select("#without-value").text()).contains("3.3", "người quản trị kế hoạch bổ sung");

		Element chart = page.selectFirst("#trend-2\\.1 svg");
		assertThat(chart).isNotNull();
		assertThat(chart.attr("role")).isEqualTo("img");
		assertThat(chart.attr("viewBox")).isEqualTo("0 0 320 140");
		String[] labels = chart.attr("aria-labelledby").split(" ");
		assertThat(labels).hasSize(2);
		assertThat(chart.selectFirst("title").id()).isEqualTo(labels[0]);
		assertThat(chart.selectFirst("title").text()).contains("2.1", "so với chỉ tiêu");
		assertThat(chart.selectFirst("desc").id()).isEqualTo(labels[1]);
		assertThat(chart.select("polyline.value-line").attr("points")).isNotBlank();
		assertThat(chart.select("polyline.target-line").attr("points")).isNotBlank();
		assertThat(chart.select("circle.value-point")).hasSize(2);
		Element data = page.selectFirst("#trend-2\\.1 table.visually-hidden");
		assertThat(data).isNotNull();
		assertThat(data.select("tbody tr").eachText()).containsExactly("2012 20% 100%", "2013 100% 100%");
		// no inline style or script anywhere in the dashboard
		assertThat(page.select("main [style], main script")).isEmpty();

		// another year
		Document next = Jsoup.parse(manager.get("/plans/" + plan + "/dashboard?year=" + (YEAR + 1)).body());
		assertThat(next.selectFirst("#city").select("td").get(0).text()).isEqualTo("Chưa có SL");
		assertThat(manager.get("/plans/" + plan + "/dashboard?year=2030").status()).isEqualTo(404);
	}

	@Test
	void theTableNamesItsYearWithoutGroupingItsDigits() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		Document page = Jsoup.parse(manager.get("/plans/" + plan + "/dashboard?year=" + YEAR).body());

		assertThat(page.select("#dashboard caption").text()).contains("năm " + YEAR + " ").doesNotContain("2.012");
	}

	@Test
	void aUnitsRowShowsTheDashboardsFiguresOfTheCityOrOfACommuneAndAnotherUnitIsUnknown() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		Document city = Jsoup.parse(manager.get(unitRow(canTho.value(), YEAR)).body());
		Document commune = Jsoup.parse(manager.get(unitRow(caiKhe.value(), YEAR)).body());

		assertThat(city.select("caption").text()).contains("Toàn thành phố", "năm " + YEAR);
		assertThat(city.select("#plan-" + plan + "-2-1 td").eachText()).containsExactly("20% 2/10", "100%", "Chậm");
		assertThat(city.select("#plan-" + plan + "-1-1 td").get(0).text()).isEqualTo("29.3% 41/140");
		assertThat(city.select("tbody tr")).hasSize(2);
		assertThat(commune.select("caption").text()).contains("Phường Cái Khế");
		assertThat(commune.select("#plan-" + plan + "-2-1 td").eachText()).containsExactly("100% 1/1", "–",
				"Chưa có CT");
		long haNoi = geography.unitByCode("01", geography.today()).orElseThrow().id().value();
		assertThat(manager.get(unitRow(haNoi, YEAR)).status()).isEqualTo(404);
		assertThat(manager.get("/plans/" + plan + "/dashboard/unit?unit=abc").status()).isEqualTo(404);
		assertThat(manager.get(unitRow(caiKhe.value(), 2030)).status()).isEqualTo(404);
		TestUserAgent other = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));
		assertThat(other.get(unitRow(caiKhe.value(), YEAR)).status()).isEqualTo(403);
	}

	private String unitRow(long unit, int year) {
		return "/plans/" + plan + "/dashboard/unit?unit=" + unit + "&year=" + year;
	}

	@Test
	void aManagerOfAnotherProvinceIsRefused() {
		TestUserAgent haNoi = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));
		assertThat(haNoi.get("/plans/" + plan + "/dashboard").status()).isEqualTo(403);
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	private long member(UnitId unit, String role, String from, String to) {
		return jdbc
			.sql("""
					INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, active_to, entered_by, entered_at)
					VALUES (?, 'Người kiểm thử bảng tổng hợp', ?, 'FEMALE', ?, ?, ?, now()) RETURNING id""")
			.params(unit.value(), role, LocalDate.parse(from), LocalDate.parse(to), BY)
			.query(Long.class)
			.single();
	}

	private void training(UnitId unit, String heldOn, String kind, long member) {
		long training = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (?, ?, 'Tập huấn kiểm thử', 'Sở Y tế', ?, ?, now()) RETURNING id""")
			.params(unit.value(), LocalDate.parse(heldOn), kind, BY)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (?, ?)")
			.params(training, member)
			.update();
	}

	private long facility(UnitId unit, String kind) {
		return jdbc.sql("""
				INSERT INTO facility (unit_id, kind, name, entered_by, entered_at)
				VALUES (?, ?, 'Cơ sở kiểm thử bảng tổng hợp', ?, now()) RETURNING id""")
			.params(unit.value(), kind, BY)
			.query(Long.class)
			.single();
	}

	private void check(long facility, String on, Boolean prevention, Boolean intake, Boolean staff,
			Boolean counselling) {
		jdbc.sql(
				"""
						INSERT INTO facility_check (facility_id, checked_on, prevention_session, intake_procedure, trained_staff,
						  counselling, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())""")
			.params(facility, LocalDate.parse(on), prevention, intake, staff, counselling, BY)
			.update();
	}

	private void room(UnitId unit, String on, boolean childFriendly) {
		jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				VALUES (?, 'Phòng kiểm thử', ?, ?, ?, now())""")
			.params(unit.value(), LocalDate.parse(on), childFriendly, BY)
			.update();
	}

	private void event(UnitId unit, String on, String... households) {
		long event = jdbc
			.sql("""
					INSERT INTO communication_event (unit_id, held_on, type, channel, audience, reach, entered_by, entered_at)
					VALUES (?, ?, 'Truyền thông', 'Trực tiếp', 'Gia đình', 10, ?, now()) RETURNING id""")
			.params(unit.value(), LocalDate.parse(on), BY)
			.query(Long.class)
			.single();
		for (String household : households) {
			jdbc.sql("INSERT INTO communication_event_household (event_id, household_code) VALUES (?, ?)")
				.params(event, household)
				.update();
		}
	}

	private void report(UnitId unit, String state, long indicator, long numerator, long denominator) {
		long report = jdbc.sql("""
				INSERT INTO plan_report (plan_id, unit_id, period_kind, year, due_on, state, created_by, created_at)
				VALUES (?, ?, 'YEARLY', ?, ?, 'DRAFT', ?, now()) RETURNING id""")
			.params(plan, unit.value(), YEAR, LocalDate.of(YEAR + 1, 1, 31), BY)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO plan_report_value (report_id, indicator_id, numerator, denominator) VALUES (?, ?, ?, ?)")
			.params(report, indicator, numerator, denominator)
			.update();
		// approved once its figures are in: the figures of an approved report are locked
		jdbc.sql("UPDATE plan_report SET state = ? WHERE id = ?").params(state, report).update();
	}

}
