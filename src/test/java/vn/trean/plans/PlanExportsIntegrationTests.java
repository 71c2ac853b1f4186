package vn.trean.plans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.printing.Workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exports of the progress report end to end over HTTP: the request becomes a job, the
 * status page shows its progress until it is done, the download is a workbook or a PDF in
 * the requester's language; nobody but the requester sees the job; a bad format or period
 * is refused with a translated message (also to htmx) and records nothing; a job whose
 * worker stopped is queued again and finished, or failed after its attempts; a queued job
 * is claimed by one worker only.
 */
@IntegrationTest
class PlanExportsIntegrationTests {

	private static final String FAMILIES_NAME = "Tỷ lệ gia đình có trẻ em được cung cấp kiến thức";

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
	PlanExports exports;

	@Autowired
	PlanExportRepository repository;

	@Autowired
	PlansSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	private UnitId caiKhe;

	private long plan;

	private String number;

	private long families;

	@BeforeEach
	void plan() {
		UnitId canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		number = "X" + System.nanoTime() + "/KH-UBND";
		plan = plans.insert(new Plan(0, canTho, number, "Kế hoạch kiểm thử xuất báo cáo",
				"Ủy ban nhân dân thành phố Cần Thơ", null, 2024, 2027, Plan.Status.ACTIVE), Instant.now());
		long objective = plans.insertObjective(plan, 1, "Mục tiêu kiểm thử");
		plans.insert(plan, 1, new Indicator(0, objective, "1.1", FAMILIES_NAME, Indicator.Measure.PERCENT, null,
				"Số gia đình được cung cấp", "Tổng số gia đình có trẻ em", DenominatorKind.FAMILIES_WITH_CHILDREN,
				List.of(), Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, true));
		plans.insert(plan, 2,
				new Indicator(0, objective, "2.1", "Tỷ lệ cán bộ được tập huấn", Indicator.Measure.PERCENT, null,
						"Số cán bộ được tập huấn", "Tổng số cán bộ", DenominatorKind.WORKFORCE, List.of(),
						Indicator.Direction.INCREASE, null, Indicator.Source.REGISTER, true));
		families = plans.indicator(plan, "1.1").orElseThrow().id();
		plans.saveTarget(new Target(families, 2025, canTho, new BigDecimal("90"), "test", Instant.now()));
	}

	@Test
	void xlsxExportRunsAsAJobAndDownloadsAWorkbookWithTheCityAndCommuneProgressInVietnamese() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		approved(signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120")), province, "2025", "120", "200");

		String status = requestExport(province, "xlsx", "2025");
		Document done = awaitDone(province, status);

		assertThat(done.select("#export-progress").attr("value")).isEqualTo("100");
		assertThat(done.select("#export-state").text()).isEqualTo("Đã tạo xong tệp.");
		TestUserAgent.Download file = province.download(done.select("#export-download").attr("href"));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).isEqualTo(Workbook.CONTENT_TYPE);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains(".xlsx");
		assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");

		Map<String, String> parts = WorkbookTests.unzip(file.body());
		assertThat(parts.get("xl/workbook.xml")).contains("name=\"Tiến độ\"", "name=\"Xã, phường - Năm 2025\"");
		Map<String, WorkbookTests.Cell> city = WorkbookTests
			.cells(WorkbookTests.parse(parts.get("xl/worksheets/sheet1.xml")));
		assertThat(city.get("A1").value()).isEqualTo("Mã");
		assertThat(city.get("A2").value()).isEqualTo("1.1");
		assertThat(city.get("B2").value()).isEqualTo(FAMILIES_NAME);
		assertThat(city.get("D2").value()).isEqualTo("90");
		assertThat(city.get("E2")).isEqualTo(new WorkbookTests.Cell("", "", "120"));
		assertThat(city.get("F2").value()).isEqualTo("200");
		assertThat(city.get("G2").value()).isEqualTo("60");
		assertThat(city.get("H2").value()).isEqualTo("Chậm");
		assertThat(city.get("A3").value()).isEqualTo("2.1");

		Map<String, WorkbookTests.Cell> communes = WorkbookTests
			.cells(WorkbookTests.parse(parts.get("xl/worksheets/sheet2.xml")));
		assertThat(communes.get("C1").value()).isEqualTo("1.1");
		String caiKheRow = communes.entrySet()
			.stream()
			.filter(e -> e.getValue().value().equals("Phường Cái Khế"))
			.map(e -> e.getKey().substring(1))
			.findFirst()
			.orElseThrow();
		assertThat(communes.get("C" + caiKheRow).value()).isEqualTo("60");
		assertThat(exportAudits()).contains("PLAN_PROGRESS_EXPORT_REQUESTED", "PLAN_PROGRESS_EXPORT_DOWNLOADED");
		assertThat(languageOfLastJob()).isEqualTo("vi");
	}

	@Test
	void pdfExportDownloadsAnOfficialReportNamingThePlanNumber() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		Document done = awaitDone(province, requestExport(province, "pdf", "2025-H1"));
		TestUserAgent.Download file = province.download(done.select("#export-download").attr("href"));

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).isEqualTo("application/pdf");
		assertThat(new String(file.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		String text = pdfText(file.body()).replaceAll("\\s+", " ");
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", "Kế hoạch số " + number + " - 6 tháng đầu năm 2025", "1.1",
				"Chưa có số liệu đã duyệt");
	}

	@Test
	void anotherUserGetsNotFoundForTheJobAndItsFile() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		String status = requestExport(province, "xlsx", "2025");
		String file = awaitDone(province, status).select("#export-download").attr("href");

		TestUserAgent colleague = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		assertThat(colleague.get(status).status()).isEqualTo(404);
		assertThat(colleague.download(file).status()).isEqualTo(404);
		assertThat(province.download(file).status()).isEqualTo(200);
	}

	@Test
	void badFormatIsRefusedWithATranslatedMessageAndCreatesNoJob() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		province.get("/plans/" + plan + "/progress");

		TestUserAgent.Response refused = province.post("/plans/" + plan + "/exports",
				Map.of("format", "docx", "period", "2025"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#format-error").text())
			.isEqualTo("Hãy chọn định dạng XLSX hoặc PDF.");
		assertThat(jobs()).isZero();
	}

	@Test
	void periodOutsideThePlanIsRefusedWithATranslatedMessageAndCreatesNoJob() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		province.get("/plans/" + plan + "/progress");

		TestUserAgent.Response outside = province.post("/plans/" + plan + "/exports",
				Map.of("format", "pdf", "period", "2031"));
		TestUserAgent.Response malformed = province.post("/plans/" + plan + "/exports",
				Map.of("format", "pdf", "period", "2025-H3"));

		assertThat(outside.status()).isEqualTo(422);
		assertThat(Jsoup.parse(outside.body()).select("#period-error").text())
			.isEqualTo("Kỳ báo cáo này nằm ngoài giai đoạn của kế hoạch.");
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(Jsoup.parse(malformed.body()).select("#period-error").text()).isNotBlank();
		assertThat(jobs()).isZero();
	}

	@Test
	void progressPageOffersTheExportAndHtmxGetsAFragmentThatPollsUntilDone() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		Document page = Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025").body());
		Element form = page.selectFirst("#exports form");
		assertThat(form).isNotNull();
		assertThat(form.attr("hx-post")).isEqualTo("/plans/" + plan + "/exports");
		assertThat(form.select("button[name=format]").eachAttr("value")).containsExactly("xlsx", "pdf");
		assertThat(page.select("#export").attr("aria-live")).isEqualTo("polite");

		TestUserAgent.Response fragment = province.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/plans/" + plan + "/exports"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("format=xlsx&period=2025&_csrf=" + page.select("#exports input[name=_csrf]").val())));

		assertThat(fragment.status()).isEqualTo(200);
		Element status = Jsoup.parse(fragment.body()).selectFirst("#export-status");
		assertThat(status).isNotNull();
		assertThat(status.attr("hx-trigger")).isEqualTo("every 1s");
		assertThat(status.attr("hx-get")).startsWith("/plans/" + plan + "/exports/");
		assertThat(status.select("progress[max=100]")).hasSize(1);
		Document done = awaitDone(province, status.attr("hx-get"));
		assertThat(done.selectFirst("#export-status").hasAttr("hx-trigger")).isFalse();
	}

	@Test
	void cleanupDeletesJobsAndFilesOlderThanADayAndKeepsNewerOnes() {
		java.util.UUID old = java.util.UUID.randomUUID();
		java.util.UUID recent = java.util.UUID.randomUUID();
		for (java.util.UUID id : List.of(old, recent)) {
			jdbc.sql("""
					INSERT INTO plan_export (id, plan_id, requested_by, format, period, state, progress, file_name,
					content, created_at, finished_at)
					VALUES (:id, :plan, 'someone', 'PDF', '2025', 'DONE', 100, 'x.pdf', :content,
					now() - CAST(:age AS interval), now())""")
				.param("id", id)
				.param("plan", plan)
				.param("content", new byte[] { 1 })
				.param("age", id.equals(old) ? "25 hours" : "1 hour")
				.update();
		}

		exports.cleanup();

		assertThat(
				jdbc.sql("SELECT id FROM plan_export WHERE plan_id = ?").param(plan).query(java.util.UUID.class).list())
			.containsExactly(recent);
	}

	@Test
	void englishRequesterGetsAWorkbookWithEnglishSheetNamesHeadersAndLevels() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		approved(signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120")), province, "2025", "120", "200");
		province.get("/plans/" + plan + "/progress?lang=en");

		Document done = awaitDone(province, requestExport(province, "xlsx", "2025"));

		assertThat(done.select("#export-state").text()).isEqualTo("The file is ready.");
		Map<String, String> parts = WorkbookTests
			.unzip(province.download(done.select("#export-download").attr("href")).body());
		assertThat(parts.get("xl/workbook.xml")).contains("name=\"Progress\"", "name=\"Communes - Year 2025\"")
			.doesNotContain("Tiến độ", "Xã, phường");
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		Map<String, WorkbookTests.Cell> city = WorkbookTests.cells(WorkbookTests.parse(sheet));
		assertThat(List.of("A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1").stream().map(c -> city.get(c).value()))
			.containsExactly("Code", "Indicator", "Unit of measure", "Target", "Numerator", "Denominator", "Value",
					"Status");
		// figures by sex have columns of their own, empty for an indicator not broken
		// down by sex
		assertThat(List.of("I1", "J1", "K1", "L1").stream().map(c -> city.get(c).value()))
			.containsExactly("Female: Numerator", "Female: Denominator", "Male: Numerator", "Male: Denominator");
		assertThat(city.get("I2")).isNull();
		assertThat(city.get("B2").value()).as("the plan's own words stay as recorded").isEqualTo(FAMILIES_NAME);
		assertThat(city.get("G2").value()).isEqualTo("60");
		assertThat(city.get("H2").value()).isEqualTo("Behind");
		assertThat(sheet).doesNotContain("Mã", "Chỉ tiêu đặt ra", "Chậm");
		Map<String, WorkbookTests.Cell> communes = WorkbookTests
			.cells(WorkbookTests.parse(parts.get("xl/worksheets/sheet2.xml")));
		assertThat(communes.get("A1").value()).isEqualTo("Unit code");
		assertThat(communes.get("B1").value()).isEqualTo("Unit");
		assertThat(languageOfLastJob()).isEqualTo("en");
	}

	@Test
	void englishRequesterGetsAPdfInEnglishUnderTheVietnameseNationalHeading() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		province.get("/plans/" + plan + "/progress?lang=en");

		Document done = awaitDone(province, requestExport(province, "pdf", "2025-H1"));
		TestUserAgent.Download file = province.download(done.select("#export-download").attr("href"));

		assertThat(file.status()).isEqualTo(200);
		String text = pdfText(file.body()).replaceAll("\\s+", " ");
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"PLAN PROGRESS REPORT", "Plan no. " + number + " - First half of 2025", "Reporting period", "Indicator",
				"Status", "No approved figures yet");
		assertThat(text).doesNotContain("BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", "Kỳ báo cáo", "Chưa có số liệu đã duyệt");
	}

	@Test
	void htmxGetsTheRefusalAsAnAlertFragmentWithThe422() {
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		Document page = Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025").body());

		TestUserAgent.Response refused = province.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/plans/" + plan + "/exports"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("format=docx&period=2031&_csrf=" + page.select("#exports input[name=_csrf]").val())));

		assertThat(refused.status()).isEqualTo(422);
		Document fragment = Jsoup.parse(refused.body());
		assertThat(fragment.select("main, h1, header")).as("a fragment, not the page").isEmpty();
		Element alert = fragment.selectFirst("#export-status[role=alert]");
		assertThat(alert).isNotNull();
		assertThat(alert.select(".alert").text()).isEqualTo("Không tạo được tệp xuất. Hãy kiểm tra lại lựa chọn.");
		assertThat(alert.select("#format-error").text()).isEqualTo("Hãy chọn định dạng XLSX hoặc PDF.");
		assertThat(alert.select("#period-error").text()).isEqualTo("Kỳ báo cáo này nằm ngoài giai đoạn của kế hoạch.");
		assertThat(jobs()).isZero();
	}

	@Test
	void jobWhoseWorkerStoppedIsQueuedAgainAndFinishedWhileALiveOneIsLeftAlone() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent province = signedIn(manager);
		UUID stale = runningJob(manager, 1, "1 hour");
		UUID alive = runningJob(manager, 1, "10 seconds");

		exports.recover();

		Document done = awaitDone(province, "/plans/" + plan + "/exports/" + stale);
		assertThat(province.download(done.select("#export-download").attr("href")).body()).isNotEmpty();
		assertThat(column(stale, "attempts")).isEqualTo("2");
		assertThat(column(alive, "state")).isEqualTo("RUNNING");
		assertThat(column(alive, "attempts")).isEqualTo("1");
	}

	@Test
	void jobWhoseWorkersStoppedAsOftenAsAllowedIsShownAsFailedWithTheReason() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent province = signedIn(manager);
		UUID job = runningJob(manager, settings.exportMaxAttempts(), "1 hour");

		exports.recover();

		assertThat(column(job, "state")).isEqualTo("FAILED");
		Document page = Jsoup.parse(province.get("/plans/" + plan + "/exports/" + job).body());
		assertThat(page.select("#export-status").attr("data-state")).isEqualTo("FAILED");
		assertThat(page.selectFirst("#export-status").hasAttr("hx-trigger")).as("no more polling").isFalse();
		assertThat(page.select("#export-failure").text())
			.isEqualTo("Việc tạo tệp bị gián đoạn nhiều lần vì máy chủ dừng giữa chừng. Hãy yêu cầu xuất lại.");
		assertThat(page.select("#export-download")).isEmpty();
		province.get("/plans/" + plan + "/progress?lang=en");
		assertThat(
				Jsoup.parse(province.get("/plans/" + plan + "/exports/" + job).body()).select("#export-failure").text())
			.startsWith("Creating the file was interrupted");
	}

	@Test
	void twoConcurrentClaimsOfAQueuedJobHaveOneWinner() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				UUID job = queuedJob();
				CyclicBarrier start = new CyclicBarrier(2);
				Callable<Boolean> claim = () -> {
					start.await(10, TimeUnit.SECONDS);
					return repository.claim(job, Instant.now()).isPresent();
				};
				List<Future<Boolean>> claims = threads.invokeAll(List.of(claim, claim));
				long winners = 0;
				for (Future<Boolean> c : claims) {
					winners += c.get() ? 1 : 0;
				}
				assertThat(winners).as("winners of round " + round).isEqualTo(1);
				assertThat(column(job, "attempts")).isEqualTo("1");
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void claimWaitingForAnotherWorkersUncommittedClaimFindsTheJobTaken() throws Exception {
		UUID job = queuedJob();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch claimedFirst = new CountDownLatch(1);
		ExecutorService second = Executors.newSingleThreadExecutor();
		try {
			Future<Optional<PlanExport>> late = transaction.execute(status -> {
				assertThat(repository.claim(job, Instant.now())).isPresent();
				Future<Optional<PlanExport>> other = second.submit(() -> {
					claimedFirst.countDown();
					return repository.claim(job, Instant.now());
				});
				try {
					claimedFirst.await(10, TimeUnit.SECONDS);
					// the second claim waits for this transaction's row lock
					await().atMost(Duration.ofSeconds(10)).until(this::aClaimWaitsForALock);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				return other;
			});
			assertThat(late.get(10, TimeUnit.SECONDS)).isEmpty();
			assertThat(column(job, "attempts")).isEqualTo("1");
			assertThat(column(job, "state")).isEqualTo("RUNNING");
		}
		finally {
			second.shutdownNow();
		}
	}

	// ---- helpers ----

	/** A job of this plan claimed by a worker, its heartbeat {@code age} old. */
	private UUID runningJob(String requestedBy, int attempts, String age) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO plan_export (id, plan_id, requested_by, format, period, locale, state, progress, attempts,
				  created_at, claimed_at, heartbeat_at)
				VALUES (:id, :plan, :by, 'XLSX', '2025', 'vi', 'RUNNING', 40, :attempts, now() - CAST(:age AS interval),
				  now() - CAST(:age AS interval), now() - CAST(:age AS interval))""")
			.param("id", id)
			.param("plan", plan)
			.param("by", requestedBy)
			.param("attempts", attempts)
			.param("age", age)
			.update();
		return id;
	}

	private UUID queuedJob() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO plan_export (id, plan_id, requested_by, format, period, state, progress, created_at)
				VALUES (:id, :plan, 'someone', 'PDF', '2025', 'QUEUED', 0, now())""")
			.param("id", id)
			.param("plan", plan)
			.update();
		return id;
	}

	private boolean aClaimWaitsForALock() {
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE plan_export SET state = ''RUNNING''%'""")
			.query(Long.class)
			.single() > 0;
	}

	private String column(UUID job, String column) {
		return jdbc.sql("SELECT CAST(" + column + " AS text) FROM plan_export WHERE id = ?")
			.param(job)
			.query(String.class)
			.single();
	}

	private String languageOfLastJob() {
		return jdbc.sql("SELECT locale FROM plan_export WHERE plan_id = ? ORDER BY created_at DESC LIMIT 1")
			.param(plan)
			.query(String.class)
			.single();
	}

	private String requestExport(TestUserAgent agent, String format, String period) {
		agent.get("/plans/" + plan + "/progress?period=" + period);
		TestUserAgent.Response requested = agent.post("/plans/" + plan + "/exports",
				Map.of("format", format, "period", period));
		assertThat(requested.status()).as(requested.body()).isEqualTo(302);
		assertThat(requested.location()).contains("/plans/" + plan + "/exports/");
		return requested.location().replaceFirst("^https?://[^/]+", "");
	}

	private Document awaitDone(TestUserAgent agent, String status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Jsoup.parse(agent.get(status).body()).select("#export-status").attr("data-state"),
					state -> state.equals("DONE") || state.equals("FAILED"));
		Document done = Jsoup.parse(agent.get(status).body());
		assertThat(done.select("#export-status").attr("data-state")).isEqualTo("DONE");
		return done;
	}

	private long jobs() {
		return jdbc.sql("SELECT count(*) FROM plan_export WHERE plan_id = ?").param(plan).query(Long.class).single();
	}

	private List<String> exportAudits() {
		return jdbc
			.sql("SELECT action FROM audit_entry WHERE target_type = 'PLAN' AND target_id = ? ORDER BY occurred_at, id")
			.param(Long.toString(plan))
			.query(String.class)
			.list();
	}

	private static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void approved(TestUserAgent reporter, TestUserAgent province, String period, String n, String d) {
		var started = reporter.post("/plans/" + plan + "/reports", Map.of("unit", caiKhe.toString(), "period", period));
		assertThat(started.status()).as(started.body()).isEqualTo(302);
		long report = Long.parseLong(started.location().replaceAll(".*/", ""));
		String path = "/plans/" + plan + "/reports/" + report;
		reporter.get(path);
		Map<String, String> form = new HashMap<>();
		form.put("version", version(report));
		form.put("step", "submit");
		form.put("indicator-" + families + "-numerator", n);
		form.put("indicator-" + families + "-denominator", d);
		assertThat(reporter.post(path, form).status()).isEqualTo(302);
		province.get(path);
		assertThat(province.post(path + "/approve", Map.of("version", version(report))).status()).isEqualTo(302);
	}

	private String version(long report) {
		return jdbc.sql("SELECT version FROM plan_report WHERE id = ?").param(report).query(String.class).single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
