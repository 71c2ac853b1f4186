package vn.trean.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ten-year custom range is exported like a half year: every table is an aggregate whose
 * rows are codes (groups, forms, channels, KPIs, sectors, steps) and whose columns are
 * fixed, so the file's size does not grow with the range, and the job that writes it runs
 * off the request. Each table of the city over ten years, as XLSX, PDF and CSV, is done,
 * within {@link #MAX_BYTES}, with the rows of one year.
 */
@IntegrationTest
class StatisticsLongExportsIntegrationTests {

	static final String TEN_YEARS = "2016-01-01..2025-12-31";

	/**
	 * Far above the largest file measured: 0101's PDF, some 54 KB with its embedded font
	 * (every XLSX and CSV under 4 KB).
	 */
	static final int MAX_BYTES = 256 * 1024;

	/** Far above the rows of the longest table, whose rows are codes. */
	static final int MAX_ROWS = 120;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	StatisticsTables tables;

	@Autowired
	StatisticsUnits units;

	@Test
	void everyTableOfTheCityOverTenYearsIsExportedAsXlsxPdfAndCsvInAFileOfBoundedSize() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		StatisticsPeriod tenYears = StatisticsPeriod.parse(TEN_YEARS, LocalDate.now());
		for (TableKind kind : TableKind.values()) {
			StatisticsTable table = tables.table(kind, tenYears, units.resolve(TestUnits.CAN_THO, tenYears),
					StatisticsTables.Audience.CASE_WORKERS);
			assertThat(table.rows()).as(kind.code()).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_ROWS);
			for (String format : List.of("XLSX", "PDF", "CSV")) {
				TestUserAgent.Download file = exported(manager, kind.code(), format);
				assertThat(file.status()).isEqualTo(200);
				assertThat(file.body().length).as(kind.code() + " " + format).isBetween(1, MAX_BYTES);
				if (format.equals("CSV")) {
					assertThat(new String(file.body(), StandardCharsets.UTF_8).lines())
						.as(kind.code() + " CSV: a header, then a line per row")
						.hasSize(1 + table.rows().size());
				}
			}
		}
	}

	@Test
	void anOfficialTableOfTenYearsHasTheRowsOfOneYear() {
		StatisticsPeriod tenYears = StatisticsPeriod.parse(TEN_YEARS, LocalDate.now());
		StatisticsPeriod year = StatisticsPeriod.year(2025);
		for (TableKind kind : List.of(TableKind.ABUSED_CHILDREN, TableKind.CASES, TableKind.SPECIAL_CIRCUMSTANCES,
				TableKind.INTAKE)) {
			assertThat(codes(kind, tenYears)).as(kind.code()).isEqualTo(codes(kind, year));
		}
	}

	private List<String> codes(TableKind kind, StatisticsPeriod period) {
		return tables
			.table(kind, period, units.resolve(TestUnits.CAN_THO, period), StatisticsTables.Audience.CASE_WORKERS)
			.rows()
			.stream()
			.map(StatisticsTable.Row::code)
			.toList();
	}

	private TestUserAgent.Download exported(TestUserAgent agent, String table, String format) {
		agent.get("/statistics/exports");
		TestUserAgent.Response requested = agent.post("/statistics/exports",
				Map.of("table", table, "period", TEN_YEARS, "unit", TestUnits.CAN_THO, "format", format));
		assertThat(requested.status()).as(requested.body()).isEqualTo(302);
		String page = requested.location().replaceFirst("^.*(/statistics/exports/)", "$1");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Jsoup.parse(agent.get(page).body()).select("#export-status").attr("data-state"),
					state -> state.equals("DONE") || state.equals("FAILED"));
		org.jsoup.nodes.Document done = Jsoup.parse(agent.get(page).body());
		assertThat(done.select("#export-status").attr("data-state")).as(table + " " + format).isEqualTo("DONE");
		return agent.download(done.select("#export-download").attr("href"));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
