package vn.trean.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;
import vn.trean.printing.Workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export jobs run to the end through the module's tables: queued, running with its
 * progress, done; the file holds the table the module computes for the requester's
 * audience (a statistician's suppressed, an officer's whole), and its download is
 * audited.
 */
@IntegrationTest
class StatisticsExportJobsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticsTables tables;

	@Autowired
	StatisticsUnits units;

	@Test
	void anOfficersWorkbookIsDoneWithTheWholeTableAndItsDownloadIsAudited() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));

		String id = request(officer, "0101", "2025", "XLSX");
		Document done = awaitDone(officer, id);
		TestUserAgent.Download file = officer.download(done.select("#export-download").attr("href"));

		assertThat(done.select("#export-progress").attr("value")).isEqualTo("100");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).isEqualTo(Workbook.CONTENT_TYPE);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("thong-ke-0101-")
			.contains(".xlsx");
		Map<String, TableWorkbookTests.Cell> cells = TableWorkbookTests.sheet(file.body());
		assertThat(cells.get("A2").text()).isEqualTo("Kỳ báo cáo: Năm 2025");
		assertThat(cells.get("A3").text()).isEqualTo("Đơn vị: Phường Cái Khế");
		StatisticsTable table = table(TableKind.ABUSED_CHILDREN, StatisticsTables.Audience.CASE_WORKERS);
		assertThat(cells.get("A4").text()).isEqualTo("Chỉ tiêu");
		for (int r = 0; r < table.rows().size(); r++) {
			StatisticsTable.Row row = table.rows().get(r);
			for (int c = 0; c < row.cells().size(); c++) {
				StatisticsTable.Cell cell = row.cells().get(c);
				if (cell.value() != null) {
					assertThat(cells.get(Workbook.column(c + 1) + (5 + r)).text()).as(row.code())
						.isEqualTo(TableText.figure(cell, table.columns().get(c).measure()).toPlainString());
				}
			}
		}
		assertThat(cells.keySet().stream().filter(r -> r.startsWith("A")).count()).isEqualTo(4 + table.rows().size());
		assertThat(audits(id)).containsExactly("STATISTICS_EXPORT_REQUESTED", "STATISTICS_EXPORT_DOWNLOADED");
	}

	@Test
	void aStatisticiansCsvIsTheSuppressedTable() {
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAI_KHE));

		String id = request(statistician, "cases", "2025", "CSV");
		Document done = awaitDone(statistician, id);
		TestUserAgent.Download file = statistician.download(done.select("#export-download").attr("href"));

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("text/csv");
		StatisticsTable table = table(TableKind.CASES, StatisticsTables.Audience.FIGURES_ONLY);
		assertThat(table.suppressed()).isTrue();
		String csv = new String(file.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().count()).isEqualTo(1 + table.rows().size());
		for (StatisticsTable.Row row : table.rows()) {
			assertThat(csv).contains(row.code());
		}
	}

	@Test
	void aDhis2FileOfAHalfYearLeavesTheSuppressedCellsOut() {
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAI_KHE));

		String id = request(statistician, "0101", "2025-H1", "DHIS2");
		Document done = awaitDone(statistician, id);
		TestUserAgent.Download file = statistician.download(done.select("#export-download").attr("href"));

		assertThat(file.contentType()).startsWith("application/json");
		List<String> periods = com.jayway.jsonpath.JsonPath.read(new String(file.body()), "$.dataValues[*].period");
		assertThat(periods).containsOnly("2025S1");
		StatisticsTable table = tables.table(TableKind.ABUSED_CHILDREN, StatisticsPeriod.halfYear(2025, 1),
				units.resolve(TestUnits.CAI_KHE, StatisticsPeriod.halfYear(2025, 1)),
				StatisticsTables.Audience.FIGURES_ONLY);
		long shown = 0;
		for (StatisticsTable.Row row : table.rows()) {
			for (int c = 0; c < row.cells().size(); c++) {
				StatisticsTable.Cell cell = row.cells().get(c);
				if (!table.columns().get(c).total() && !cell.suppressed() && cell.value() != null) {
					shown++;
				}
			}
		}
		assertThat(periods).hasSize((int) shown);
	}

	private StatisticsTable table(TableKind kind, StatisticsTables.Audience audience) {
		StatisticsPeriod year = StatisticsPeriod.parse("2025", LocalDate.now());
		return tables.table(kind, year, units.resolve(TestUnits.CAI_KHE, year), audience);
	}

	private String request(TestUserAgent agent, String table, String period, String format) {
		agent.get("/statistics/exports");
		TestUserAgent.Response requested = agent.post("/statistics/exports",
				Map.of("table", table, "period", period, "unit", TestUnits.CAI_KHE, "format", format));
		assertThat(requested.status()).as(requested.body()).isEqualTo(302);
		return requested.location().replaceFirst("^.*/statistics/exports/", "");
	}

	private Document awaitDone(TestUserAgent agent, String id) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Jsoup.parse(agent.get("/statistics/exports/" + id).body())
				.select("#export-status")
				.attr("data-state"), state -> state.equals("DONE") || state.equals("FAILED"));
		Document page = Jsoup.parse(agent.get("/statistics/exports/" + id).body());
		assertThat(page.select("#export-status").attr("data-state")).isEqualTo("DONE");
		return page;
	}

	private List<String> audits(String id) {
		return jdbc
			.sql("SELECT action FROM audit_entry WHERE target_type = 'STATISTICS_EXPORT' AND target_id = ?"
					+ " ORDER BY occurred_at, id")
			.param(id)
			.query(String.class)
			.list();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
