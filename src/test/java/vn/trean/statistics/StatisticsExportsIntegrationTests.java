package vn.trean.statistics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests of statistics exports over HTTP: a request becomes a job that only its
 * requester sees, with the audience decided at the request (a statistician's is
 * suppressed), audited; a bad table, period, unit or format, or a custom range for the
 * DHIS2 file, is refused with the field named and nothing queued.
 */
@IntegrationTest
class StatisticsExportsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticsExports exports;

	@Test
	void aRequestBecomesTheRequestersJobWithItsAudienceAndLanguageAndIsAudited() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAI_KHE));

		String officers = request(officer, "0101", "2025-H1", TestUnits.CAI_KHE, "XLSX");
		String statisticians = request(statistician, "cases", "2025", TestUnits.CAI_KHE, "CSV");

		assertThat(job(officers)).containsEntry("audience", "CASE_WORKERS")
			.containsEntry("table_kind", "ABUSED_CHILDREN")
			.containsEntry("period", "2025-H1")
			.containsEntry("locale", "vi");
		assertThat(job(statisticians)).containsEntry("audience", "FIGURES_ONLY").containsEntry("format", "CSV");
		assertThat(audits(officers)).containsExactly("STATISTICS_EXPORT_REQUESTED");
		Document page = Jsoup.parse(officer.get("/statistics/exports/" + officers).body());
		assertThat(page.select("#export-status").attr("data-state")).isIn("QUEUED", "RUNNING", "DONE", "FAILED");
		assertThat(page.select("#export-progress")).hasSize(1);
	}

	@Test
	void theFormIsFilledInFromTheTablesLink() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));

		Document form = Jsoup
			.parse(officer.get("/statistics/exports?table=cases&period=2025-H1&unit=" + TestUnits.CAI_KHE).body());

		assertThat(form.select("#table option[selected]").val()).isEqualTo("cases");
		assertThat(form.select("#period").val()).isEqualTo("2025-H1");
		assertThat(form.select("#unit").val()).isEqualTo(TestUnits.CAI_KHE);
		assertThat(form.select("input[name=format][checked]").val()).isEqualTo("XLSX");
	}

	@Test
	void anotherUsersJobAndFileAndAMalformedIdAreNotFound() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		TestUserAgent colleague = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		String id = request(officer, "intake", "2025", TestUnits.CAI_KHE, "PDF");

		assertThat(colleague.get("/statistics/exports/" + id).status()).isEqualTo(404);
		assertThat(colleague.download("/statistics/exports/" + id + "/file").status()).isEqualTo(404);
		assertThat(officer.get("/statistics/exports/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(officer.get("/statistics/exports/not-a-job").status()).isEqualTo(404);
	}

	@Test
	void badFieldsAreRefusedOnTheFormWithEachFieldNamedAndNothingQueued() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		long before = jobs();

		TestUserAgent.Response refused = post(officer, "no-such-table", "2099", "00000", "DOCX");

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#table-error").text()).isEqualTo("Hãy chọn một bảng số liệu.");
		assertThat(page.select("#period-error").text()).startsWith("Kỳ báo cáo chưa bắt đầu");
		assertThat(page.select("#format-error").text()).isEqualTo("Hãy chọn định dạng XLSX, PDF, CSV hoặc DHIS2.");
		assertThat(page.select("#period").val()).isEqualTo("2099");
		assertThat(post(officer, "0101", "2025", "00000", "XLSX").body()).contains("unit-error");
		assertThat(jobs()).isEqualTo(before);
	}

	@Test
	void theDhis2FileRefusesACustomRange() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		long before = jobs();

		TestUserAgent.Response refused = post(officer, "0101", "2025-01-01..2025-03-31", TestUnits.CAI_KHE, "DHIS2");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#period-error").text())
			.isEqualTo("Tệp trao đổi DHIS2 chỉ nhận kỳ 6 tháng hoặc cả năm, không nhận khoảng ngày tự chọn.");
		assertThat(jobs()).isEqualTo(before);
	}

	@Test
	void aUnitOutsideTheUsersJurisdictionIsRefused() {
		TestUserAgent officer = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		long before = jobs();

		TestUserAgent.Response refused = post(officer, "0101", "2025", TestUnits.CAN_THO, "XLSX");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(jobs()).isEqualTo(before);
	}

	@Test
	void aJobWhoseWorkerStoppedIsQueuedAgainOrFailedAfterItsLastAttemptAndOldJobsAreDeleted() {
		UUID again = stale(1, Duration.ZERO);
		UUID last = stale(StatisticsExports.MAX_ATTEMPTS, Duration.ZERO);
		UUID old = stale(1, Duration.ofDays(2));

		exports.recover();
		exports.cleanup();

		assertThat(jdbc.sql("SELECT state, failure FROM stat_export WHERE id = ?").param(last).query().singleRow())
			.containsEntry("state", "FAILED")
			.containsEntry("failure", "statistics-exports.failure.interrupted");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT attempts FROM stat_export WHERE id = ?")
				.param(again)
				.query(Integer.class)
				.single(), attempts -> attempts == 2);
		assertThat(jdbc.sql("SELECT count(*) FROM stat_export WHERE id = ?").param(old).query(Long.class).single())
			.isZero();
	}

	/**
	 * A running job whose heartbeat stopped an hour ago, created {@code age} before that.
	 */
	private UUID stale(int attempts, Duration age) {
		UUID id = UUID.randomUUID();
		Instant beat = Instant.now().minus(Duration.ofHours(1));
		jdbc.sql(
				"""
						INSERT INTO stat_export (id, requested_by, table_kind, period, unit_code, format, audience, locale,
						  state, progress, attempts, claimed_at, heartbeat_at, created_at)
						VALUES (?, 'stale-worker', 'CASES', '2025', '31120', 'CSV', 'FIGURES_ONLY', 'vi', 'RUNNING', 40, ?, ?, ?, ?)""")
			.params(id, attempts, Timestamp.from(beat), Timestamp.from(beat), Timestamp.from(beat.minus(age)))
			.update();
		return id;
	}

	private String request(TestUserAgent agent, String table, String period, String unit, String format) {
		TestUserAgent.Response requested = post(agent, table, period, unit, format);
		assertThat(requested.status()).as(requested.body()).isEqualTo(302);
		return requested.location().replaceFirst("^.*/statistics/exports/", "");
	}

	private TestUserAgent.Response post(TestUserAgent agent, String table, String period, String unit, String format) {
		agent.get("/statistics/exports");
		return agent.post("/statistics/exports",
				Map.of("table", table, "period", period, "unit", unit, "format", format));
	}

	private Map<String, Object> job(String id) {
		return jdbc.sql("SELECT table_kind, period, format, audience, locale FROM stat_export WHERE id = ?::uuid")
			.param(id)
			.query()
			.singleRow();
	}

	private java.util.List<String> audits(String id) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE target_type = 'STATISTICS_EXPORT' AND target_id = ?")
			.param(id)
			.query(String.class)
			.list();
	}

	private long jobs() {
		return jdbc.sql("SELECT count(*) FROM stat_export").query(Long.class).single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
