package vn.trean.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periodic plan reports end to end over HTTP: a commune's reporter drafts and submits,
 * the province returns or approves, a correction is a new version; every bad input is
 * refused with a translated message and changes nothing; reporters and managers outside
 * the unit or province are refused; late reports are flagged; progress sums approved
 * figures.
 */
@IntegrationTest
class PlanReportsIntegrationTests {

	private static final String NEGATIVE_EN = "The value may not be negative.";

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
	PlanReportRepository reports;

	@Autowired
	ReportingScheduleRepository schedules;

	@Autowired
	TestClock clock;

	private UnitId canTho;

	private UnitId caiKhe;

	private UnitId ninhKieu;

	private long plan;

	private long families;

	@BeforeEach
	void plan() {
		canTho = testUnits.canTho();
		caiKhe = testUnits.caiKhe();
		ninhKieu = testUnits.ninhKieu();
		plan = plans.insert(new Plan(0, canTho, "R" + System.nanoTime() + "/KH-UBND", "Kế hoạch kiểm thử báo cáo",
				"Ủy ban nhân dân thành phố Cần Thơ", null, 2024, 2027, Plan.Status.ACTIVE), Instant.now());
		long objective = plans.insertObjective(plan, 1, "Mục tiêu kiểm thử");
		plans.insert(plan, 1,
				new Indicator(0, objective, "1.1", "Tỷ lệ gia đình có trẻ em được cung cấp kiến thức",
						Indicator.Measure.PERCENT, null, "Số gia đình được cung cấp", "Tổng số gia đình có trẻ em",
						DenominatorKind.FAMILIES_WITH_CHILDREN, List.of(), Indicator.Direction.INCREASE, null,
						Indicator.Source.REPORTED, true));
		plans.insert(plan, 2,
				new Indicator(0, objective, "2.1", "Tỷ lệ cán bộ được tập huấn", Indicator.Measure.PERCENT, null,
						"Số cán bộ được tập huấn", "Tổng số cán bộ", DenominatorKind.WORKFORCE, List.of(),
						Indicator.Direction.INCREASE, null, Indicator.Source.REGISTER, true));
		families = plans.indicator(plan, "1.1").orElseThrow().id();
		plans.saveTarget(new Target(families, 2025, canTho, new java.math.BigDecimal("90"), "test", Instant.now()));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	// ---- the workflow ----

	@Test
	void reporterSubmitsManagerReturnsWithACommentReporterResubmitsManagerApproves() {
		String reporter = testAccounts.create(Role.PLAN_REPORTER, "31120");
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		TestUserAgent caiKheReporter = signedIn(reporter);
		TestUserAgent province = signedIn(manager);

		Document list = Jsoup.parse(caiKheReporter.get("/plans/" + plan + "/reports?period=2025-H1").body());
		assertThat(list.select("#reports tbody tr")).hasSize(1);
		assertThat(list.select("#reports tbody th").text()).isEqualTo("Phường Cái Khế");
		long report = start(caiKheReporter, caiKhe, "2025-H1");

		Document form = Jsoup.parse(caiKheReporter.get(reportPath(report)).body());
		assertThat(form.select("#indicator-" + families + "-numerator")).hasSize(1);
		assertThat(form.select("#counted").text()).contains("2.1", "Đếm từ sổ theo dõi trong hệ thống");
		assertThat(save(caiKheReporter, report, "submit", "120", "200", null).status()).isEqualTo(302);
		assertThat(state(report)).isEqualTo("SUBMITTED");

		Document review = Jsoup.parse(province.get(reportPath(report)).body());
		assertThat(review.select("#review button").eachText()).containsExactly("Duyệt báo cáo", "Trả lại kèm nhận xét");
		assertThat(review.select("#value-1\\.1 .numerator").text()).isEqualTo("120");
		var returned = province.post(reportPath(report) + "/return",
				Map.of("version", version(report), "comment", "Mẫu số chưa khớp số liệu dân cư."));
		assertThat(returned.status()).isEqualTo(302);
		assertThat(state(report)).isEqualTo("RETURNED");

		Document back = Jsoup.parse(caiKheReporter.get(reportPath(report)).body());
		assertThat(back.select("#return-comment").text()).contains("Mẫu số chưa khớp số liệu dân cư.");
		assertThat(save(caiKheReporter, report, "submit", "120", "180", null).status()).isEqualTo(302);
		assertThat(province.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
			.isEqualTo(302);

		assertThat(state(report)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT denominator FROM plan_report_value WHERE report_id = ?")
			.param(report)
			.query(Long.class)
			.single()).isEqualTo(180L);
		assertThat(audited(report)).containsExactly("PLAN_REPORT_STARTED", "PLAN_REPORT_SUBMITTED",
				"PLAN_REPORT_RETURNED", "PLAN_REPORT_SUBMITTED", "PLAN_REPORT_APPROVED");
		Document approved = Jsoup.parse(caiKheReporter.get(reportPath(report)).body());
		assertThat(approved.select("#figures")).isEmpty();
		assertThat(approved.select("#state").text()).isEqualTo("Đã duyệt");
	}

	@Test
	void correctionAfterApprovalIsANewAuditedVersionAndTheApprovedOneStaysAsItWas() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long first = approved(reporter, province, caiKhe, "2025-H1", "50", "100");

		var corrected = reporter.post(reportPath(first) + "/correct", Map.of("version", version(first)));

		assertThat(corrected.status()).isEqualTo(302);
		long second = Long.parseLong(corrected.location().replaceAll(".*/", ""));
		assertThat(second).isNotEqualTo(first);
		assertThat(jdbc.sql("SELECT report_version, previous_id, state FROM plan_report WHERE id = ?")
			.param(second)
			.query()
			.singleRow()).containsEntry("report_version", 2)
			.containsEntry("previous_id", first)
			.containsEntry("state", "DRAFT");
		assertThat(audited(second)).containsExactly("PLAN_REPORT_CORRECTION_STARTED");
		assertThat(save(reporter, second, "submit", "60", "100", null).status()).isEqualTo(302);
		// the approved version is untouched, and still what progress counts until the
		// correction is approved
		assertThat(numerator(first)).isEqualTo(50L);
		assertThat(state(first)).isEqualTo("APPROVED");
		assertThat(cityValue("2025-H1")).isEqualTo("50%");
		assertThat(province.post(reportPath(second) + "/approve", Map.of("version", version(second))).status())
			.isEqualTo(302);
		assertThat(cityValue("2025-H1")).isEqualTo("60%");
		assertThat(Jsoup.parse(reporter.get(reportPath(first)).body()).select("#versions li")).hasSize(2);
	}

	// ---- figures by sex ----

	@Test
	void figuresBySexAreSavedSubmittedShownToTheManagerKeptThroughReturnAndLockedAfterApproval() {
		long pupils = pupilsIndicator();
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long report = start(reporter, caiKhe, "2025-H1");
		Document form = Jsoup.parse(reporter.get(reportPath(report)).body());
		assertThat(form.select("label[for=indicator-" + pupils + "-FEMALE-numerator]").text()).isEqualTo("Nữ: Tử số");
		assertThat(form.select("label[for=indicator-" + pupils + "-MALE-denominator]").text()).isEqualTo("Nam: Mẫu số");
		// an indicator not broken down by sex has no rows by sex
		assertThat(form.select("#indicator-" + families + "-FEMALE-numerator")).isEmpty();

		var submitted = reporter.post(reportPath(report),
				pupilsForm(report, pupils, "submit", "100", "200", "60", "110", "40", "90"));

		assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
		assertThat(pupilsRows(report, pupils)).containsExactly("ALL 100/200", "FEMALE 60/110", "MALE 40/90");
		Document review = Jsoup.parse(province.get(reportPath(report)).body());
		assertThat(review.select("#value-1\\.2-FEMALE th").text()).isEqualTo("Nữ");
		assertThat(review.select("#value-1\\.2-FEMALE .numerator").text()).isEqualTo("60");
		assertThat(review.select("#value-1\\.2-MALE .denominator").text()).isEqualTo("90");
		assertThat(review.select("#value-1\\.1-FEMALE")).isEmpty();

		assertThat(province
			.post(reportPath(report) + "/return", Map.of("version", version(report), "comment", "Kiểm tra lại số nam."))
			.status()).isEqualTo(302);
		Document back = Jsoup.parse(reporter.get(reportPath(report)).body());
		assertThat(back.select("#indicator-" + pupils + "-FEMALE-numerator").val()).isEqualTo("60");
		assertThat(back.select("#indicator-" + pupils + "-MALE-denominator").val()).isEqualTo("90");
		assertThat(reporter
			.post(reportPath(report), pupilsForm(report, pupils, "submit", "100", "200", "58", "110", "42", "90"))
			.status()).isEqualTo(302);
		assertThat(province.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
			.isEqualTo(302);

		assertThat(pupilsRows(report, pupils)).containsExactly("ALL 100/200", "FEMALE 58/110", "MALE 42/90");
		Document approved = Jsoup.parse(reporter.get(reportPath(report) + "?lang=en").body());
		assertThat(approved.select("#value-1\\.2-MALE th").text()).isEqualTo("Male");
		assertThat(approved.select("#value-1\\.2-MALE .numerator").text()).isEqualTo("42");
		// the figures by sex are locked by the database like the total
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc
				.sql("UPDATE plan_report_value SET numerator = 1 WHERE report_id = ? AND disaggregation = 'FEMALE'")
				.param(report)
				.update())
			.hasMessageContaining("locked");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> jdbc.sql("DELETE FROM plan_report_value WHERE report_id = ? AND disaggregation = 'MALE'")
						.param(report)
						.update())
			.hasMessageContaining("locked");
		// and a correction starts from them
		var corrected = reporter.post(reportPath(report) + "/correct", Map.of("version", version(report)));
		long second = Long.parseLong(corrected.location().replaceAll(".*/", ""));
		assertThat(pupilsRows(second, pupils)).containsExactly("ALL 100/200", "FEMALE 58/110", "MALE 42/90");
	}

	@Test
	void progressShowsTheApprovedFiguresBySexSummedForTheCityAndForEachCommune() {
		long pupils = pupilsIndicator();
		TestUserAgent caiKheReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent ninhKieuReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31135"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long caiKheReport = start(caiKheReporter, caiKhe, "2025-H1");
		assertThat(caiKheReporter
			.post(reportPath(caiKheReport),
					pupilsForm(caiKheReport, pupils, "submit", "100", "200", "58", "110", "42", "90"))
			.status()).isEqualTo(302);
		long ninhKieuReport = start(ninhKieuReporter, ninhKieu, "2025-H1");
		assertThat(ninhKieuReporter
			.post(reportPath(ninhKieuReport),
					pupilsForm(ninhKieuReport, pupils, "submit", "50", "100", "30", "50", "20", "50"))
			.status()).isEqualTo(302);
		for (long report : List.of(caiKheReport, ninhKieuReport)) {
			assertThat(province.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
				.isEqualTo(302);
		}

		Document page = Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025-H1&indicator=1.2").body());

		// numerators summed with numerators, denominators with denominators
		assertThat(page.select("#indicator-1\\.2 .sex").eachText()).containsExactly("Nữ: 55% (88 / 160)",
				"Nam: 44.3% (62 / 140)");
		assertThat(page.select("#indicator-1\\.1 .sex")).isEmpty();
		assertThat(page.select("#unit-" + caiKhe.value() + " .sex").eachText()).containsExactly("Nữ: 52.7% (58 / 110)",
				"Nam: 46.7% (42 / 90)");
		assertThat(page.select("#unit-" + ninhKieu.value() + " .sex").eachText()).containsExactly("Nữ: 60% (30 / 50)",
				"Nam: 40% (20 / 50)");
		assertThat(Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025-H1&indicator=1.2&lang=en").body())
			.select("#indicator-1\\.2 .sex")
			.eachText()).containsExactly("Female: 55% (88 / 160)", "Male: 44.3% (62 / 140)");

		// a correction approved without figures by sex: the newest version counts, the
		// older
		// version's figures by sex no longer do
		var corrected = caiKheReporter.post(reportPath(caiKheReport) + "/correct",
				Map.of("version", version(caiKheReport)));
		long second = Long.parseLong(corrected.location().replaceAll(".*/", ""));
		assertThat(caiKheReporter
			.post(reportPath(second), pupilsForm(second, pupils, "submit", "100", "200", "", "", "", ""))
			.status()).isEqualTo(302);
		assertThat(province.post(reportPath(second) + "/approve", Map.of("version", version(second))).status())
			.isEqualTo(302);
		Document after = Jsoup
			.parse(province.get("/plans/" + plan + "/progress?period=2025-H1&indicator=1.2&lang=vi").body());
		assertThat(after.select("#indicator-1\\.2 .sex").eachText()).containsExactly("Nữ: 60% (30 / 50)",
				"Nam: 40% (20 / 50)");
		assertThat(after.select("#unit-" + caiKhe.value() + " .sex")).isEmpty();
	}

	@Test
	void figuresBySexAboveTheTotalAreRefusedNextToTheFieldsAndNothingChanges() {
		long pupils = pupilsIndicator();
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H1");
		assertThat(reporter
			.post(reportPath(report), pupilsForm(report, pupils, "save", "100", "200", "60", "110", "40", "90"))
			.status()).isEqualTo(302);
		String before = version(report);

		var refused = reporter.post(reportPath(report),
				pupilsForm(report, pupils, "submit", "100", "200", "60", "110", "50", "-90"));

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select(".alert").text()).contains("không có gì thay đổi");
		assertThat(html.select("#indicator-" + pupils + "-MALE-denominator-error").text())
			.isEqualTo("Giá trị không được âm.");
		assertThat(html.select("#indicator-" + pupils + "-MALE-denominator").attr("aria-describedby"))
			.isEqualTo("indicator-" + pupils + "-MALE-denominator-error");
		assertThat(html.select("#indicator-" + pupils + "-MALE-numerator").val()).isEqualTo("50");
		assertThat(state(report)).isEqualTo("DRAFT");
		assertThat(version(report)).isEqualTo(before);
		assertThat(pupilsRows(report, pupils)).containsExactly("ALL 100/200", "FEMALE 60/110", "MALE 40/90");

		var over = reporter.post(reportPath(report),
				pupilsForm(report, pupils, "submit", "100", "200", "60", "110", "50", "90"));

		assertThat(over.status()).isEqualTo(422);
		Document overHtml = Jsoup.parse(over.body());
		assertThat(overHtml.select("#indicator-" + pupils + "-sexes-numerator-error").text())
			.isEqualTo("Số nữ và số nam cộng lại lớn hơn tổng số.");
		assertThat(overHtml.select("#indicator-" + pupils + "-FEMALE-numerator").attr("aria-describedby"))
			.isEqualTo("indicator-" + pupils + "-sexes-numerator-error");
		assertThat(state(report)).isEqualTo("DRAFT");
		assertThat(version(report)).isEqualTo(before);
		assertThat(pupilsRows(report, pupils)).containsExactly("ALL 100/200", "FEMALE 60/110", "MALE 40/90");

		reporter.get(reportPath(report) + "?lang=en");
		var english = reporter.post(reportPath(report),
				pupilsForm(report, pupils, "save", "100", "200", "60", "110", "30", "90"));
		assertThat(english.status()).isEqualTo(422);
		assertThat(Jsoup.parse(english.body()).select("#indicator-" + pupils + "-sexes-numerator-error").text())
			.isEqualTo("Female and male together do not equal the total: explain why, or correct the figures.");
		assertThat(pupilsRows(report, pupils)).containsExactly("ALL 100/200", "FEMALE 60/110", "MALE 40/90");
	}

	/** Indicator 1.2 of the test plan, reported and broken down by sex and age group. */
	private long pupilsIndicator() {
		long objective = jdbc.sql("SELECT id FROM plan_objective WHERE plan_id = ?")
			.param(plan)
			.query(Long.class)
			.single();
		plans.insert(plan, 3, new Indicator(0, objective, "1.2", "Tỷ lệ học sinh được giáo dục kỹ năng sống",
				Indicator.Measure.PERCENT, null, "Số học sinh được giáo dục", "Tổng số học sinh",
				DenominatorKind.PUPILS, List.of(Indicator.Disaggregation.SEX, Indicator.Disaggregation.AGE_GROUP),
				Indicator.Direction.INCREASE, null, Indicator.Source.REPORTED, true));
		return plans.indicator(plan, "1.2").orElseThrow().id();
	}

	private Map<String, String> pupilsForm(long report, long pupils, String step, String n, String d, String femaleN,
			String femaleD, String maleN, String maleD) {
		String p = "indicator-" + pupils;
		return Map.of("version", version(report), "step", step, p + "-numerator", n, p + "-denominator", d,
				p + "-FEMALE-numerator", femaleN, p + "-FEMALE-denominator", femaleD, p + "-MALE-numerator", maleN,
				p + "-MALE-denominator", maleD);
	}

	private List<String> pupilsRows(long report, long pupils) {
		return jdbc.sql("""
				SELECT disaggregation || ' ' || numerator || '/' || denominator FROM plan_report_value
				WHERE report_id = ? AND indicator_id = ? ORDER BY disaggregation""")
			.params(report, pupils)
			.query(String.class)
			.list();
	}

	// ---- bad input ----

	@Test
	void negativeCountIsRefusedAndNothingChanges() {
		assertFiguresRefused("-5", "100", null, "Giá trị không được âm.");
	}

	@Test
	void malformedCountIsRefusedAndNothingChanges() {
		assertFiguresRefused("1,000", "2000", null, "Hãy nhập một số nguyên không âm");
	}

	@Test
	void countsTypedWithVietnameseGroupingAreReadAsTheyAreWritten() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H1");

		var saved = save(reporter, report, "save", "1.250", "2.000", null);

		assertThat(saved.status()).isEqualTo(302);
		assertThat(numerator(report)).isEqualTo(1250L);
	}

	@Test
	void numeratorOverDenominatorIsRefusedWithoutAnExplanation() {
		assertFiguresRefused("120", "100", "", "Tử số lớn hơn mẫu số");
	}

	@Test
	void numeratorOverDenominatorWithAnExplanationIsStoredAndShownFlagged() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H2");

		var saved = save(reporter, report, "save", "120", "100", "Có gia đình chuyển đến sau khi lập danh sách.");

		assertThat(saved.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT flagged FROM plan_report_value WHERE report_id = ?")
			.param(report)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(Jsoup.parse(reporter.get(reportPath(report)).body()).select("#figures .badge").text())
			.isEqualTo("Tử số lớn hơn mẫu số, có giải thích");
	}

	@Test
	void reportForAPeriodOutsideThePlanIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		reporter.get("/plans/" + plan + "/reports");

		var refused = reporter.post("/plans/" + plan + "/reports",
				Map.of("unit", caiKhe.toString(), "period", "2023-H2"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Kỳ báo cáo này nằm ngoài giai đoạn của kế hoạch.");
		assertThat(reportCount()).isZero();
	}

	@Test
	void secondReportForTheSameUnitAndPeriodIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		start(reporter, caiKhe, "2025-H1");

		var refused = reporter.post("/plans/" + plan + "/reports",
				Map.of("unit", caiKhe.toString(), "period", "2025-H1"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Đơn vị này đã có báo cáo cho kỳ này");
		assertThat(reportCount()).isEqualTo(1);
	}

	@Test
	void submittingASubmittedReportAgainIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H1");
		String staleVersion = version(report);
		save(reporter, report, "submit", "10", "20", null);

		var again = reporter.post(reportPath(report), Map.of("version", staleVersion, "step", "submit",
				"indicator-" + families + "-numerator", "15", "indicator-" + families + "-denominator", "20"));

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.body()).contains("Báo cáo này đã được nộp; không nộp lại lần nữa.");
		assertThat(numerator(report)).isEqualTo(10L);
	}

	@Test
	void returningWithoutACommentIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long report = start(reporter, caiKhe, "2025-H1");
		save(reporter, report, "submit", "10", "20", null);

		var refused = province.post(reportPath(report) + "/return", Map.of("version", version(report), "comment", " "));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#comment-error").text())
			.isEqualTo("Hãy ghi nhận xét khi trả lại báo cáo.");
		assertThat(state(report)).isEqualTo("SUBMITTED");
	}

	@Test
	void editingAnApprovedReportIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long report = approved(reporter, province, caiKhe, "2025-H1", "50", "100");

		var refused = save(reporter, report, "save", "99", "100", null);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Báo cáo đã duyệt: số liệu đã khóa.");
		assertThat(numerator(report)).isEqualTo(50L);
		// and the database itself refuses to change an approved report's figures
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.sql("UPDATE plan_report_value SET numerator = 1 WHERE report_id = ?").param(report).update())
			.hasMessageContaining("locked");
	}

	@Test
	void staleVersionIsRefusedWhenSomeoneElseSavedFirst() {
		TestUserAgent one = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent other = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(one, caiKhe, "2025-H1");
		String opened = version(report);
		save(other, report, "save", "10", "20", null);

		var stale = one.post(reportPath(report), Map.of("version", opened, "step", "save",
				"indicator-" + families + "-numerator", "11", "indicator-" + families + "-denominator", "20"));

		assertThat(stale.status()).isEqualTo(422);
		assertThat(stale.body()).contains("Báo cáo vừa được người khác lưu");
		assertThat(numerator(report)).isEqualTo(10L);
	}

	@Test
	void refusalIsTranslatedInEnglish() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H1");
		reporter.get(reportPath(report) + "?lang=en");

		var refused = save(reporter, report, "save", "-1", "20", null);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Not saved; nothing was changed.", "Numerator");
		assertThat(Jsoup.parse(refused.body()).select(".field-error").text()).isEqualTo(NEGATIVE_EN);
		assertThat(numerator(report)).isNull();
	}

	// ---- who may ----

	@Test
	void ninhKieuReporterIsRefusedOnCaiKhesReport() {
		TestUserAgent caiKheReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent ninhKieuReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31135"));
		long report = start(caiKheReporter, caiKhe, "2025-H1");
		save(caiKheReporter, report, "save", "10", "20", null);
		ninhKieuReporter.get("/plans/" + plan + "/reports");

		assertThat(ninhKieuReporter.get(reportPath(report)).status()).isEqualTo(403);
		var post = ninhKieuReporter.post(reportPath(report), Map.of("version", version(report), "step", "submit",
				"indicator-" + families + "-numerator", "11", "indicator-" + families + "-denominator", "20"));
		assertThat(post.status()).isEqualTo(403);
		assertThat(ninhKieuReporter
			.post("/plans/" + plan + "/reports", Map.of("unit", caiKhe.toString(), "period", "2025-H2"))
			.status()).isEqualTo(403);
		assertThat(ninhKieuReporter.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
			.isEqualTo(403);
		assertThat(Jsoup.parse(ninhKieuReporter.get("/plans/" + plan + "/reports?period=2025-H1").body())
			.select("#reports tbody th")
			.eachText()).containsExactly("Phường Ninh Kiều");
		assertThat(state(report)).isEqualTo("DRAFT");
		assertThat(numerator(report)).isEqualTo(10L);
	}

	@Test
	void haNoiManagerIsRefused() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent haNoi = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));
		long report = start(reporter, caiKhe, "2025-H1");
		save(reporter, report, "submit", "10", "20", null);
		haNoi.get("/account");

		assertThat(haNoi.get("/plans/" + plan + "/reports").status()).isEqualTo(403);
		assertThat(haNoi.get(reportPath(report)).status()).isEqualTo(403);
		assertThat(haNoi.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
			.isEqualTo(403);
		assertThat(
				haNoi.post("/plans/" + plan + "/reports/schedule", Map.of("sixMonthly", "1", "yearly", "1")).status())
			.isEqualTo(403);
		assertThat(haNoi.get("/plans/" + plan + "/progress").status()).isEqualTo(403);
		assertThat(state(report)).isEqualTo("SUBMITTED");
	}

	// ---- due dates ----

	@Test
	void reportsPastTheirDueDateAndNotSubmittedAreFlaggedLate() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long report = start(reporter, caiKhe, "2026-H2");
		assertThat(reports.find(plan, report).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 1, 15));
		clock.travelTo(LocalDate.of(2027, 1, 15).atTime(12, 0).atZone(Time.ZONE).toInstant());
		assertThat(lateUnits(province, "2026-H2")).isEmpty();

		clock.travelTo(LocalDate.of(2027, 1, 16).atTime(8, 0).atZone(Time.ZONE).toInstant());

		assertThat(lateUnits(province, "2026-H2")).contains("Phường Cái Khế");
		assertThat(Jsoup.parse(reporter.get(reportPath(report)).body()).select(".overdue").text()).isEqualTo("Quá hạn");
		save(reporter, report, "submit", "1", "2", null);
		assertThat(lateUnits(province, "2026-H2")).doesNotContain("Phường Cái Khế");
	}

	@Test
	void planAdministratorChangesTheDueDatesAndAReporterMayNot() {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long report = start(reporter, caiKhe, "2026-H2");

		assertThat(reporter.post("/plans/" + plan + "/reports/schedule", Map.of("sixMonthly", "1", "yearly", "1"))
			.status()).isEqualTo(403);
		var bad = province.post("/plans/" + plan + "/reports/schedule", Map.of("sixMonthly", "-3", "yearly", "31"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("Số ngày phải từ 0 đến 366.");
		assertThat(province.post("/plans/" + plan + "/reports/schedule", Map.of("sixMonthly", "30", "yearly", "45"))
			.status()).isEqualTo(302);

		assertThat(schedules.of(plan)).containsEntry(ReportingPeriod.Kind.SIX_MONTHLY, 30)
			.containsEntry(ReportingPeriod.Kind.YEARLY, 45);
		assertThat(reports.find(plan, report).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 1, 30));
	}

	// ---- progress ----

	@Test
	void cityProgressSumsTheApprovedNumeratorsAndDenominatorsOfTheCommunes() {
		TestUserAgent caiKheReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		TestUserAgent ninhKieuReporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31135"));
		TestUserAgent province = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long small = approved(caiKheReporter, province, caiKhe, "2025", "40", "40");
		approved(ninhKieuReporter, province, ninhKieu, "2025", "400", "4000");
		// a submitted, not approved, report does not count
		long pending = start(caiKheReporter, caiKhe, "2025-H2");
		save(caiKheReporter, pending, "submit", "1000", "1000", null);

		Document page = Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025&indicator=1.1").body());

		// (40 + 400) / (40 + 4000) = 10.9 %, not the 55 % an average of 100 % and 10 %
		// gives
		assertThat(page.select("#indicator-1\\.1 .value").text()).isEqualTo("10.9%");
		assertThat(page.select("#indicator-1\\.1 .level-text").text()).isEqualTo("Chậm");
		assertThat(page.select("#indicator-2\\.1").text()).contains("Đếm từ sổ theo dõi");
		assertThat(page.select("#unit-" + caiKhe.value() + " .value").text()).isEqualTo("100%");
		assertThat(page.select("#unit-" + caiKhe.value() + " td.level-NO_TARGET")).hasSize(1);
		assertThat(page.select("#unit-" + ninhKieu.value() + " .value").text()).isEqualTo("10%");
		Document trace = Jsoup
			.parse(province.get("/plans/" + plan + "/progress/trace?indicator=1.1&period=2025&unit=" + canTho.value())
				.body());
		assertThat(trace.select("#trace tbody tr")).hasSize(2);
		assertThat(trace.select("#total-numerator").text()).isEqualTo("440");
		assertThat(trace.select("#total-denominator").text()).isEqualTo("4040");
		assertThat(trace.select("#trace a[href=" + reportPath(small) + "]")).hasSize(1);
		assertThat(Jsoup.parse(province.get("/plans/" + plan + "/progress?period=2025-H2").body())
			.select("#indicator-1\\.1 .value")
			.text()).isEqualTo("–");
	}

	// ---- helpers ----

	private void assertFiguresRefused(String numerator, String denominator, String explanation, String message) {
		TestUserAgent reporter = signedIn(testAccounts.create(Role.PLAN_REPORTER, "31120"));
		long report = start(reporter, caiKhe, "2025-H1");
		save(reporter, report, "save", "10", "20", null);
		String before = version(report);

		var refused = save(reporter, report, "submit", numerator, denominator, explanation);

		assertThat(refused.status()).isEqualTo(422);
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select(".field-error").text()).startsWith(message);
		assertThat(html.select(".alert").text()).contains("không có gì thay đổi");
		assertThat(html.select("#indicator-" + families + "-numerator").val()).isEqualTo(numerator);
		assertThat(state(report)).isEqualTo("DRAFT");
		assertThat(numerator(report)).isEqualTo(10L);
		assertThat(version(report)).isEqualTo(before);
	}

	private long approved(TestUserAgent reporter, TestUserAgent province, UnitId unit, String period, String n,
			String d) {
		long report = start(reporter, unit, period);
		assertThat(save(reporter, report, "submit", n, d, null).status()).isEqualTo(302);
		assertThat(province.post(reportPath(report) + "/approve", Map.of("version", version(report))).status())
			.isEqualTo(302);
		return report;
	}

	private long start(TestUserAgent agent, UnitId unit, String period) {
		var started = agent.post("/plans/" + plan + "/reports", Map.of("unit", unit.toString(), "period", period));
		assertThat(started.status()).as(started.body()).isEqualTo(302);
		return Long.parseLong(started.location().replaceAll(".*/", ""));
	}

	private TestUserAgent.Response save(TestUserAgent agent, long report, String step, String numerator,
			String denominator, String explanation) {
		Map<String, String> form = new HashMap<>();
		form.put("version", version(report));
		form.put("step", step);
		form.put("indicator-" + families + "-numerator", numerator);
		form.put("indicator-" + families + "-denominator", denominator);
		if (explanation != null) {
			form.put("indicator-" + families + "-explanation", explanation);
		}
		return agent.post(reportPath(report), form);
	}

	private String reportPath(long report) {
		return "/plans/" + plan + "/reports/" + report;
	}

	private String state(long report) {
		return jdbc.sql("SELECT state FROM plan_report WHERE id = ?").param(report).query(String.class).single();
	}

	private String version(long report) {
		return jdbc.sql("SELECT version FROM plan_report WHERE id = ?").param(report).query(String.class).single();
	}

	private Long numerator(long report) {
		return jdbc.sql("SELECT numerator FROM plan_report_value WHERE report_id = ?")
			.param(report)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private long reportCount() {
		return jdbc.sql("SELECT count(*) FROM plan_report WHERE plan_id = ?").param(plan).query(Long.class).single();
	}

	private List<String> audited(long report) {
		return jdbc.sql("""
				SELECT action FROM audit_entry WHERE target_type = 'PLAN_REPORT' AND target_id = ?
				ORDER BY occurred_at, id""").param(Long.toString(report)).query(String.class).list();
	}

	private String cityValue(String period) {
		TestUserAgent statistician = signedIn(testAccounts.create(Role.STATISTICIAN, "92"));
		return Jsoup.parse(statistician.get("/plans/" + plan + "/progress?period=" + period).body())
			.select("#indicator-1\\.1 .value")
			.text();
	}

	private List<String> lateUnits(TestUserAgent agent, String period) {
		return Jsoup.parse(agent.get("/plans/" + plan + "/reports?period=" + period).body())
			.select("#reports tr.late th")
			.eachText();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

}
