package vn.trean.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.Relation;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.ReportReceipt;
import vn.trean.shared.Time;
import vn.trean.shared.WebShell;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.TestPdfs.text;

/**
 * The printed official forms over HTTP with sign-in, against PostgreSQL: who may download
 * which form, what it says, that every download is in the access log, and what a form not
 * yet recorded answers.
 */
@IntegrationTest
class PrintedFormsIntegrationTests {

	static final String CHILD = "Nguyễn Thị Thủy";

	static final String REPORTER = "Phạm Văn Báo Tin";

	static final String SUMMARY = "Trẻ có vết bầm ở tay, mẹ kế thường xuyên đánh đập; nguy cơ cao.";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	TestClock clock;

	UnitId caiKhe;

	String officerName;

	String chairName;

	CurrentUser officer;

	CurrentUser chair;

	CurrentUser operator;

	@BeforeEach
	void people() {
		caiKhe = testUnits.caiKhe();
		officerName = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		chairName = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		officer = testCases.user(officerName);
		chair = testCases.user(chairName);
		operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
	}

	@Test
	void theOfficerDownloadsMau02AsANeverCachedAttachmentWithTheAssessmentInIt() {
		CaseId id = assessedCase();
		String reference = cases.open(Actor.of(officer, "ip"), id).protectionCase().referenceCode();

		TestUserAgent.Download pdf = signedIn(officerName).download("/cases/" + id.value() + "/print/02");

		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + reference + "-mau-02.pdf\"");
		assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(text(pdf.body())).contains(SUMMARY, CHILD, "Mẫu số 02", "UBND PHƯỜNG CÁI KHẾ",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"Cái Khế, ngày " + String.format("%02d", today().getDayOfMonth()), "NGƯỜI LẬP", "CHỦ TỊCH",
				"(Ký, ghi rõ họ tên)", officer.displayName());
	}

	@Test
	void anOfficerOfAnotherCommuneIsRefusedTheSameForm() {
		CaseId id = assessedCase();
		String elsewhere = testAccounts.create(Role.COMMUNE_OFFICER, "31135");

		TestUserAgent.Download refused = signedIn(elsewhere).download("/cases/" + id.value() + "/print/02");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).doesNotContain("pdf");
		assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(SUMMARY);
	}

	@Test
	void everyDownloadWritesAnAccessEntryNamingTheForm() {
		CaseId id = assessedCase();
		TestUserAgent agent = signedIn(officerName);
		long before = printEntries(officerName, id, "PRINT 02");

		agent.download("/cases/" + id.value() + "/print/02");
		agent.download("/cases/" + id.value() + "/print/02");

		assertThat(printEntries(officerName, id, "PRINT 02")).isEqualTo(before + 2);
	}

	@Test
	void aFormNotYetRecordedAnswersWithTheTranslatedNotFoundPage() {
		CaseId id = assessedCase();
		TestUserAgent agent = signedIn(officerName);

		var missing = agent.get("/cases/" + id.value() + "/print/06", Map.of("Accept", "text/html"));
		var unknown = agent.get("/cases/" + id.value() + "/print/07", Map.of("Accept", "text/html"));
		var refusedDecision = agent.get("/cases/" + id.value() + "/print/05", Map.of("Accept", "text/html"));

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("html"));
		assertThat(missing.body()).contains(message("error.404.title"), message("print.form.missing"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains(message("print.form.unknown"));
		assertThat(refusedDecision.status()).isEqualTo(404);
	}

	@Test
	void mau04PrintsAnEstimatedAgeAsAnAgeNeverAsAnInventedBirthDate() {
		CaseId id = assessedCase();
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id), new NeedsAssessment(
				"Có vết bầm", "Sợ hãi", "Sống với bố", Rating.LOW, "An toàn", today(), "Cán bộ, bố", "Thống nhất."));
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id),
				new SupportPlan("Trẻ an toàn",
						List.of(new SupportPlan.PlannedMeasure(SupportMeasure.PSYCHOLOGICAL_THERAPY,
								"Trung tâm Công tác xã hội Cần Thơ", today(), today().plusMonths(2))),
						""));

		String plan = text(signedIn(officerName).download("/cases/" + id.value() + "/print/04").body());

		assertThat(plan).contains("Mẫu số 04", "khoảng 9 tuổi");
		assertThat(plan).doesNotContain("ước tính", "01/01/" + (today().getYear() - 9));
	}

	@Test
	void theCasePageLinksOnlyTheFormsTheCaseHas() {
		CaseId id = assessedCase();

		String page = signedIn(officerName).get("/cases/" + id.value()).body();

		assertThat(page).contains("/cases/" + id.value() + "/print/02", "/intake/reports/", "/print\"",
				message("print.form.02"));
		assertThat(page).doesNotContain("/cases/" + id.value() + "/print/06");
	}

	@Test
	void theApprovedPlanPrintsAsTheChairsDecisionWithThePlansMeasuresAndTheOtherFormsFollow() {
		CaseId id = assessedCase();
		forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, testCases.version(id),
				new EmergencyDecision(LocalDateTime.now(clock.withZone(Time.ZONE)).withSecond(0).withNano(0),
						List.of(EmergencyMeasure.SAFE_SHELTER), "Nhà tạm lánh Cái Khế", null, null, null, null, null,
						"Trẻ bị đánh đập, cần tách khỏi người xâm hại ngay."));
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new NeedsAssessment("Có vết bầm", "Sợ hãi, ít nói", "Sống với bố và mẹ kế", Rating.LOW,
						"An toàn, trị liệu tâm lý", today(), "Cán bộ, bố, giáo viên chủ nhiệm",
						"Thống nhất đưa trẻ đi khám và trị liệu."));
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id),
				new SupportPlan("Trẻ an toàn và ổn định tâm lý",
						List.of(new SupportPlan.PlannedMeasure(SupportMeasure.PSYCHOLOGICAL_THERAPY,
								"Trung tâm Công tác xã hội Cần Thơ", today(), today().plusMonths(2))),
						""));
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "45/QĐ-UBND", today(), null));
		TestUserAgent agent = signedIn(chairName);

		String decision = text(agent.download("/cases/" + id.value() + "/print/05").body());
		String emergency = text(agent.download("/cases/" + id.value() + "/print/emergency").body());
		String needs = text(agent.download("/cases/" + id.value() + "/print/03").body());
		String plan = text(agent.download("/cases/" + id.value() + "/print/04").body());

		assertThat(decision).contains("Mẫu số 05", "QUYẾT ĐỊNH", "Số: 45/QĐ-UBND", "Trị liệu tâm lý",
				"Trung tâm Công tác xã hội Cần Thơ", CHILD, "TM. ỦY BAN NHÂN DÂN", chair.displayName());
		assertThat(emergency).contains("QUYẾT ĐỊNH", "Nhà tạm lánh Cái Khế", "⊠ Bố trí nơi tạm trú an toàn",
				"Trẻ bị đánh đập, cần tách khỏi người xâm hại ngay.");
		assertThat(needs).contains("Mẫu số 03", "Sợ hãi, ít nói", "Thống nhất đưa trẻ đi khám và trị liệu.");
		assertThat(plan).contains("Mẫu số 04", "Trẻ an toàn và ổn định tâm lý", "Trị liệu tâm lý");
	}

	@Test
	void mau01HidesTheReporterFromAUserWhoMayNotSeeItAndShowsThemToOneWhoMay() {
		ReportReceipt receipt = intake.record(operator, report());
		testCases.caseOf(receipt);
		String path = "/intake/reports/" + receipt.id().value() + "/print";

		TestUserAgent.Download chairs = signedIn(chairName).download(path);
		TestUserAgent.Download officers = signedIn(officerName).download(path);

		assertThat(chairs.status()).isEqualTo(200);
		assertThat(chairs.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + receipt.referenceCode() + "-mau-01.pdf\"");
		String hidden = text(chairs.body());
		assertThat(hidden).contains("Mẫu số 01", CHILD, "Hàng xóm nghe thấy trẻ kêu cứu",
				message("report.reporter.confidential"), "⊠ " + message("harm.VIOLENCE"), "NGƯỜI TIẾP NHẬN");
		assertThat(hidden).doesNotContain(REPORTER).doesNotContain("912345678");
		assertThat(identityEntries(chairName, receipt)).isZero();

		assertThat(officers.status()).isEqualTo(200);
		assertThat(text(officers.body())).contains(REPORTER, "+84912345678", "NGƯỜI THÔNG BÁO, TỐ GIÁC");
		assertThat(identityEntries(officerName, receipt)).isEqualTo(1);
	}

	// ---- helpers ----

	private CaseId assessedCase() {
		CaseId id = testCases.caseOf(intake.record(operator, report()));
		workflow.startVerification(Actor.of(officer, "ip"), id, testCases.version(id));
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id),
				"Xác minh tại nhà: có dấu hiệu bạo lực.");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new InitialAssessment(java.util.Arrays.stream(RiskItem.values())
					.map(i -> new InitialAssessment.RatedItem(i, Rating.HIGH, "Có dấu hiệu"))
					.toList(), SUMMARY, true));
		return id;
	}

	private ReportDraft report() {
		return ReportDrafts.at(caiKhe)
			.withReporter(REPORTER, "0912 345 678", Relation.NEIGHBOUR, true)
			.withChild(CHILD, 9)
			.withHarm(HarmForm.VIOLENCE)
			.withPerpetrator(Relation.STEP_PARENT)
			.withPerpetratorAccess()
			.withAccount("Hàng xóm nghe thấy trẻ kêu cứu nhiều lần.")
			.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
			.build();
	}

	private long printEntries(String actor, CaseId id, String detail) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'CASE'
				  AND target_id = ? AND actor = ? AND detail = ?""")
			.param(id.toString())
			.param(actor)
			.param(detail)
			.query(Long.class)
			.single();
	}

	private long identityEntries(String actor, ReportReceipt receipt) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'REPORTER_IDENTITY'
				  AND target_id = ? AND actor = ?""")
			.param(receipt.id().toString())
			.param(actor)
			.query(Long.class)
			.single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	private String message(String key) {
		return messages.getMessage(key, null, WebShell.VIETNAMESE);
	}

}
