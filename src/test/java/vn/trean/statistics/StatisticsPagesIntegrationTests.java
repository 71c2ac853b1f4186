package vn.trean.statistics;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics pages through the real server: the table with links for a provincial
 * manager and with small numbers hidden for a statistician, the records behind a cell
 * (listed exactly, audited) and their refusal, and bad addresses answered without a 500.
 */
@IntegrationTest
class StatisticsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	StatRows rows;

	@BeforeEach
	void rows() {
		rows = new StatRows(jdbc);
	}

	@Test
	void aProvincialManagerSeesEveryFigureEachLinkedToItsRecords() {
		abusedChildren(2019);

		var page = signedIn(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO)
			.get("/statistics/tables/0101?period=2019&unit=" + TestUnits.CAI_KHE);

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("table#statistics-table caption").text()).contains("2019");
		assertThat(html.select("th[scope=col]")).hasSizeGreaterThan(12);
		assertThat(html.select("th[scope=row]")).isNotEmpty();
		assertThat(html.select("div.table-wrap[role=region][tabindex=0]")).hasSize(1);
		assertThat(html.select("a[href^=/statistics/tables/0101/cells/0101/M_11_15]").text()).isEqualTo("1");
		assertThat(html.select("a[href^=/statistics/tables/0101/cells/0101/F_0_5]").text()).isEqualTo("7");
		assertThat(html.select("abbr")).isEmpty();
	}

	@Test
	void aStatisticianSeesSmallNumbersHiddenAndNoLinks() {
		abusedChildren(2020);

		var page = signedIn(Role.STATISTICIAN, TestUnits.CAN_THO)
			.get("/statistics/tables/0101?period=2020&unit=" + TestUnits.CAI_KHE);

		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("a[href*=/cells/]")).isEmpty();
		assertThat(html.select("abbr").eachText()).contains("<5");
		assertThat(html.select("#suppression-legend")).hasSize(1);
		assertThat(html.select("td").eachText()).doesNotContain("1", "7");
	}

	@Test
	void theRecordsBehindACellAreExactlyItsCasesAndTheirOpeningIsAudited() {
		Set<UUID> cases = abusedChildren(2021);
		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);

		var page = manager.get("/statistics/tables/0101/cells/0101/TOTAL?period=2021&unit=" + TestUnits.CAI_KHE);

		assertThat(page.status()).isEqualTo(200);
		Set<String> linked = new HashSet<>(Jsoup.parse(page.body()).select("#cell-records a").eachAttr("href"));
		assertThat(linked).containsExactlyInAnyOrderElementsOf(cases.stream().map(id -> "/cases/" + id).toList());
		assertThat(audited("STATISTICS_CELL_OPENED", "row=0101 column=TOTAL period=2021")).isEqualTo(1);
	}

	@Test
	void aStatisticiansAddressOfTheRecordsIsRefusedAndAudited() {
		abusedChildren(2022);

		var page = signedIn(Role.STATISTICIAN, TestUnits.CAN_THO)
			.get("/statistics/tables/0101/cells/0101/TOTAL?period=2022&unit=" + TestUnits.CAI_KHE);

		assertThat(page.status()).isEqualTo(403);
		assertThat(Jsoup.parse(page.body()).select("#cell-records")).isEmpty();
		assertThat(audited("STATISTICS_CELL_REFUSED", "row=0101 column=TOTAL period=2022")).isEqualTo(1);
		assertThat(audited("STATISTICS_CELL_OPENED", "period=2022")).isZero();
	}

	@Test
	void theRecordsBehindAReportsCellAndAChildrensCellAreListed() {
		UnitId caiKhe = testUnits.caiKhe();
		UUID report = rows.report(caiKhe, LocalDate.of(2023, 5, 5), "ONLINE_FORM", "HARM", true);
		rows.inGroup(StatRows.newChild(), "TRAFFICKED", "RECORD", caiKhe, LocalDate.of(2023, 1, 1), null);
		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		String asked = "?period=2023&unit=" + TestUnits.CAI_KHE;

		var reports = manager.get("/statistics/tables/intake/cells/INTAKE_CHANNEL_ONLINE_FORM/TOTAL" + asked);
		var children = manager.get("/statistics/tables/special-circumstances/cells/SC_TRAFFICKED/CHILDREN" + asked);
		var share = manager.get("/statistics/tables/special-circumstances/cells/SC_TRAFFICKED/SUPPORTED_SHARE" + asked);

		assertThat(reports.status()).isEqualTo(200);
		assertThat(Jsoup.parse(reports.body()).select("#cell-records a").eachAttr("href"))
			.containsExactly("/intake/reports/" + report);
		assertThat(children.status()).isEqualTo(200);
		assertThat(Jsoup.parse(children.body()).select("#cell-records tbody tr")).hasSize(1);
		assertThat(share.status()).as("a share lists nothing of its own").isEqualTo(404);
		var table = Jsoup.parse(manager.get("/statistics/tables/special-circumstances" + asked).body());
		assertThat(table.select("#no-population")).hasSize(1);
	}

	@Test
	void badAddressesAnswerTheirOwnRefusalAndNeverAServerError() {
		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		String unit = "&unit=" + TestUnits.CAI_KHE;

		assertThat(manager.get("/statistics/tables/9999?period=2019" + unit).status()).isEqualTo(404);
		assertThat(manager.get("/statistics/tables/0101/cells/NOPE/TOTAL?period=2019" + unit).status()).isEqualTo(404);
		var badPeriod = manager.get("/statistics/tables/0101?period=2019-H3" + unit);
		assertThat(badPeriod.status()).isEqualTo(422);
		Document form = Jsoup.parse(badPeriod.body());
		assertThat(form.select("#period-error").text()).isNotBlank();
		assertThat(form.select("#statistics-table")).isEmpty();
		assertThat(form.select("select#unit option[selected]").attr("value")).isEqualTo(TestUnits.CAI_KHE);
		assertThat(manager.get("/statistics/tables/0101?period=2999" + unit).status()).isEqualTo(422);
		var badUnit = manager.get("/statistics/tables/0101?period=2019&unit=00000");
		assertThat(badUnit.status()).isEqualTo(422);
		assertThat(Jsoup.parse(badUnit.body()).select("#unit-error").text()).isNotBlank();
		assertThat(manager.get("/statistics/tables/0101?period=2019&unit=" + TestUnits.CAI_KHE + "&page=x").status())
			.isEqualTo(200);
		assertThat(manager.get("/statistics/tables/0101/cells/0101/TOTAL?period=2019&page=x" + unit).status())
			.isEqualTo(400);
	}

	@Test
	void theFormLeadsToTheTablesAddressAndATenYearRangeAnswers() {
		TestUserAgent manager = signedIn(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		Document index = Jsoup.parse(manager.get("/statistics").body());
		assertThat(index.select("nav a[href=/statistics], header a[href=/statistics], a[href=/statistics]"))
			.isNotEmpty();
		assertThat(index.select("select#unit option").eachAttr("value")).contains(TestUnits.CAN_THO, TestUnits.CAI_KHE);

		var chosen = manager
			.get("/statistics/table?table=intake&kind=CUSTOM&from=2010-01-01&to=2019-12-31&unit=" + TestUnits.CAN_THO);

		assertThat(chosen.status()).isEqualTo(302);
		assertThat(chosen.location()).endsWith("/statistics/tables/intake?period=2010-01-01..2019-12-31&unit=92");
		for (String table : new String[] { "0101", "cases", "special-circumstances", "intake" }) {
			assertThat(manager.get("/statistics/tables/" + table + "?period=2010-01-01..2019-12-31&unit=92").status())
				.as(table)
				.isEqualTo(200);
		}
		var missingYear = manager.get("/statistics/table?table=0101&kind=YEAR&year=&unit=92");
		assertThat(missingYear.status()).isEqualTo(422);
	}

	@Test
	void aCommuneOfficerIsRefusedAnotherCommunesStatistics() {
		TestUserAgent officer = signedIn(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);

		assertThat(officer.get("/statistics/tables/intake?period=2019&unit=" + TestUnits.NINH_KIEU).status())
			.isEqualTo(403);
		assertThat(officer.get("/statistics/tables/intake?period=2019&unit=" + TestUnits.CAI_KHE).status())
			.isEqualTo(200);
	}

	/**
	 * Seven girls aged 4 and a boy aged 12 abused in Cái Khế in the year; their cases.
	 */
	private Set<UUID> abusedChildren(int year) {
		UnitId caiKhe = testUnits.caiKhe();
		LocalDate day = LocalDate.of(year, 2, 1);
		Set<UUID> cases = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			UUID id = rows.caseOpened(caiKhe, day);
			rows.abused(id, StatRows.newChild(), "VIOLENCE", caiKhe, day, i < 7 ? "FEMALE" : "MALE", i < 7 ? 4 : 12,
					"FAMILY");
			cases.add(id);
		}
		return cases;
	}

	private long audited(String action, String detail) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action AND detail LIKE :detail")
			.param("action", action)
			.param("detail", "%" + detail + "%")
			.query(Long.class)
			.single();
	}

	private TestUserAgent signedIn(Role role, String unit) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(role, unit));
		return agent;
	}

}
