package vn.trean.plans;

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
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.registers.RegisterCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures recorded before the 2025 reform on the units of the time, shown on today's
 * communes and by the old districts (docs/domain.md §6). Records of 2016, a year no other
 * test's records reach:
 * <ul>
 * <li>old An Hòa (merged whole into Cái Khế): 2 members, 1 trained; an approved report of
 * 10 / 20;</li>
 * <li>old Cái Khế (merged whole into Cái Khế): 1 member, trained;</li>
 * <li>Bùi Hữu Nghĩa (split between Cái Khế and Bình Thủy): 3 members, none trained; an
 * approved report of 5 / 10;</li>
 * <li>Quận Ninh Kiều itself (an old district): 1 member, trained;</li>
 * <li>today's Cái Khế (made from wards of Quận Ninh Kiều and Quận Bình Thuỷ): 1 member,
 * trained.</li>
 * </ul>
 */
@IntegrationTest
class HistoricalBoundariesIntegrationTests {

	private static final int YEAR = 2016;

	private static final String BY = "history-test";

	private static final LocalDate BEFORE_2025 = LocalDate.of(2025, 6, 30);

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUnits testUnits;

	@Autowired
	PlanRepository plans;

	@Autowired
	RegisterCounts registerCounts;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId anHoa;

	private UnitId buiHuuNghia;

	private UnitId quanNinhKieu;

	private UnitId quanBinhThuy;

	private long plan;

	@BeforeEach
	void recordsOnTheUnitsOfTheTime() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		anHoa = testUnits.id("31120", BEFORE_2025);
		UnitId oldCaiKhe = testUnits.id("31117", BEFORE_2025);
		buiHuuNghia = testUnits.id("31178", BEFORE_2025);
		quanNinhKieu = testUnits.id("916", BEFORE_2025);
		quanBinhThuy = testUnits.id("918", BEFORE_2025);
		TestPlans.TestPlan created = TestPlans.plan(plans, canTho, "H", "Kế hoạch kiểm thử địa giới cũ", YEAR,
				YEAR + 1);
		plan = created.id();
		plans.insert(plan, 1, TestPlans.familiesReached(created.objective()));
		plans.insert(plan, 2, TestPlans.workforceTrained(created.objective()));
		members(anHoa, 2, 1);
		members(oldCaiKhe, 1, 1);
		members(buiHuuNghia, 3, 0);
		members(quanNinhKieu, 1, 1);
		members(caiKhe, 1, 1);
		long reported = plans.indicator(plan, "1.1").orElseThrow().id();
		report(anHoa, reported, 10, 20);
		report(buiHuuNghia, reported, 5, 10);
	}

	@AfterEach
	void removeRecords() {
		jdbc.sql("DELETE FROM training_participant WHERE training_id IN (SELECT id FROM training WHERE entered_by = ?)")
			.param(BY)
			.update();
		jdbc.sql("DELETE FROM training WHERE entered_by = ?").param(BY).update();
		jdbc.sql("DELETE FROM workforce_member WHERE entered_by = ?").param(BY).update();
	}

	@Test
	void oldCommunesMergedWholeAreAddedToTodaysCommuneAndASplitWardIsListedToReview() {
		Document page = dashboard("");
		assertThat(page.selectFirst("#history-note").text()).contains("nhập toàn bộ");
		Element row = page.selectFirst("#u" + caiKhe.value());
		// 2.1: An Hòa 1/2 + old Cái Khế 1/1 + today's Cái Khế 1/1; 1.1: An Hòa's report
		assertThat(row.select("td").get(0).text()).startsWith("50% 10/20");
		assertThat(row.select("td").get(1).text()).startsWith("75% 3/4");
		Element split = page.selectFirst("#u" + buiHuuNghia.value());
		assertThat(split.hasClass("review")).isTrue();
		assertThat(split.selectFirst("th").text()).contains("Bùi Hữu Nghĩa", "Cần rà soát", "Phường Cái Khế",
				"Phường Bình Thủy");
		assertThat(split.select("td").get(0).text()).startsWith("50% 5/10");
		assertThat(split.select("td").get(1).text()).startsWith("0% 0/3");
		Element district = page.selectFirst("#u" + quanNinhKieu.value());
		assertThat(district.hasClass("review")).isTrue();
		assertThat(district.select("td").get(1).text()).startsWith("100% 1/1");
		// the city counts everything, to review or not: 15 / 30 and 4 / 8
		Element city = page.selectFirst("#city");
		assertThat(city.select("td").get(0).text()).startsWith("50% 15/30");
		assertThat(city.select("td").get(1).text()).startsWith("50% 4/8");
		// units to review are listed only when they have figures in the year
		assertThat(page.select("#dashboard tbody tr.review")).hasSize(2);
		assertThat(page.select("#dashboard tbody tr")).hasSize(1 + 103 + 2);
	}

	@Test
	void byOldDistrictsTodaysCommuneMadeFromTwoDistrictsIsListedToReview() {
		Document page = dashboard("&by=OLD_DISTRICTS");
		assertThat(page.selectFirst("#dashboard caption").text()).contains("quận, huyện cũ");
		assertThat(page.selectFirst("#by option[selected]").val()).isEqualTo("OLD_DISTRICTS");
		// Quận Ninh Kiều: An Hòa 1/2, old Cái Khế 1/1, the district's own 1/1
		Element ninhKieu = page.selectFirst("#u" + quanNinhKieu.value());
		assertThat(ninhKieu.hasClass("review")).isFalse();
		assertThat(ninhKieu.select("td").get(1).text()).startsWith("75% 3/4");
		assertThat(ninhKieu.select("td").get(0).text()).startsWith("50% 10/20");
		Element binhThuy = page.selectFirst("#u" + quanBinhThuy.value());
		assertThat(binhThuy.select("td").get(1).text()).startsWith("0% 0/3");
		Element caiKheRow = page.selectFirst("#u" + caiKhe.value());
		assertThat(caiKheRow.hasClass("review")).isTrue();
		assertThat(caiKheRow.selectFirst("th").text()).contains("Quận Ninh Kiều", "Quận Bình Thuỷ");
		assertThat(caiKheRow.select("td").get(1).text()).startsWith("100% 1/1");
		assertThat(page.selectFirst("#city").select("td").get(1).text()).startsWith("50% 4/8");
		// 28 old districts (old Cần Thơ, Hậu Giang and Sóc Trăng), the city, Cái Khế
		assertThat(page.select("#dashboard tbody tr")).hasSize(1 + 28 + 1);
	}

	@Test
	void theCountsOfOneUnitAgreeWithTheGroupedCountsAndTheTraceListsTheOldCommunesRecords() {
		var all = EnumSet.allOf(RegisterCounts.Count.class);
		RegisterCounts.Grouped byCommune = registerCounts.countsByCommune(canTho, YEAR, YEAR, all);
		RegisterCounts.Grouped byDistrict = registerCounts.countsByGroup(canTho, UnitHistory.View.OLD_DISTRICTS, YEAR,
				YEAR, all);
		for (UnitId unit : List.of(canTho, caiKhe, buiHuuNghia)) {
			assertSameCounts(byCommune.get(unit, YEAR), registerCounts.counts(unit, YEAR));
		}
		for (UnitId unit : List.of(canTho, quanNinhKieu, quanBinhThuy)) {
			assertSameCounts(byDistrict.get(unit, YEAR), registerCounts.counts(unit, YEAR));
		}
		assertThat(byCommune.get(caiKhe, YEAR).get(RegisterCounts.Count.WORKFORCE)).isEqualTo(4);
		assertThat(registerCounts.trace(caiKhe, YEAR, RegisterCounts.Count.WORKFORCE))
			.extracting(RegisterCounts.TracedRecord::unit)
			.containsOnly(anHoa, testUnits.id("31117", BEFORE_2025), caiKhe)
			.hasSize(4);
	}

	@Test
	void anUnknownViewIsRefusedWithoutAnError() {
		TestUserAgent manager = new TestUserAgent(port);
		assertThat(manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92")).status()).isEqualTo(302);
		assertThat(manager.get("/plans/" + plan + "/dashboard?year=" + YEAR + "&by=PROVINCES").status()).isEqualTo(404);
	}

	private static void assertSameCounts(RegisterCounts.Figures grouped, RegisterCounts.Figures one) {
		for (RegisterCounts.Count count : RegisterCounts.Count.values()) {
			assertThat(grouped.get(count)).as(count + " of " + one.unit()).isEqualTo(one.get(count));
		}
	}

	private Document dashboard(String query) {
		TestUserAgent manager = new TestUserAgent(port);
		assertThat(manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92")).status()).isEqualTo(302);
		TestUserAgent.Response response = manager.get("/plans/" + plan + "/dashboard?year=" + YEAR + query);
		assertThat(response.status()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	/**
	 * Members active in the year on the unit, the first {@code trained} of them trained.
	 */
	private void members(UnitId unit, int count, int trained) {
		long training = jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				VALUES (?, ?, 'Tập huấn kiểm thử', 'Sở Y tế', 'CHILD_PROTECTION_SKILLS', ?, now()) RETURNING id""")
			.params(unit.value(), LocalDate.of(YEAR, 5, 1), BY)
			.query(Long.class)
			.single();
		for (int i = 0; i < count; i++) {
			long member = jdbc
				.sql("""
						INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, active_to, entered_by, entered_at)
						VALUES (?, 'Người kiểm thử địa giới cũ', 'COLLABORATOR', 'MALE', ?, ?, ?, now()) RETURNING id""")
				.params(unit.value(), LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), BY)
				.query(Long.class)
				.single();
			if (i < trained) {
				jdbc.sql("INSERT INTO training_participant (training_id, workforce_member_id) VALUES (?, ?)")
					.params(training, member)
					.update();
			}
		}
	}

	private void report(UnitId unit, long indicator, long numerator, long denominator) {
		long report = jdbc.sql("""
				INSERT INTO plan_report (plan_id, unit_id, period_kind, year, due_on, state, created_by, created_at)
				VALUES (?, ?, 'YEARLY', ?, ?, 'DRAFT', ?, now()) RETURNING id""")
			.params(plan, unit.value(), YEAR, LocalDate.of(YEAR + 1, 1, 31), BY)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO plan_report_value (report_id, indicator_id, numerator, denominator) VALUES (?, ?, ?, ?)")
			.params(report, indicator, numerator, denominator)
			.update();
		jdbc.sql("UPDATE plan_report SET state = 'APPROVED' WHERE id = ?").param(report).update();
	}

}
