package vn.trean.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.WorkItem;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work queue on the start page and the notification list, as each person sees them:
 * the chair the decisions waiting with their clock (and not once decided), the officer
 * the steps due and overdue of their cases, the provincial manager the overdue steps of
 * the province; a chair of another commune none of it; unread counts that go up and down;
 * another user's notification or no id at all is a 404.
 */
@IntegrationTest
class WorkQueueIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCommune commune;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	CaseTransfers transfers;

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseWork work;

	String officerName;

	String chairName;

	CurrentUser officer;

	CurrentUser chair;

	CaseId id;

	String reference;

	@BeforeEach
	void anEmergencyCaseAssessedWithEmergencyMeasuresRecommended() {
		officerName = commune.officer();
		chairName = commune.chair();
		officer = testCases.user(officerName);
		chair = testCases.user(chairName);
		id = commune.reported(ReportDrafts.at(testUnits.caiKhe())
			.withChild("Lâm Thị Hồng Nhung", 8)
			.withHarm(HarmForm.VIOLENCE)
			.withPerpetratorAccess()
			.withAccount("Trẻ bị đánh.")
			.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
			.build());
		reference = testCases.reference(id);
		workflow.assign(Actor.of(chair, "ip"), id, testCases.version(id), new CaseWorkflow.Assignment(officer.id()));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void theChairSeesTheRecommendedEmergencyDecisionWithItsClockUntilDecidingIt() {
		TestUserAgent agent = signedIn(chairName);
		assertThat(item(agent, "/cases/" + id + "/forms/emergency-decision")).isNull();
		assess();

		Element item = item(agent, "/cases/" + id + "/forms/emergency-decision");
		assertThat(item).isNotNull();
		assertThat(item.text()).contains(reference, "Lâm Thị Hồng Nhung", "Quyết định áp dụng biện pháp khẩn cấp")
			.containsPattern("còn \\d+ giờ");

		forms.recordEmergencyDecision(Actor.of(chair, "ip"), id, testCases.version(id), commune.emergencyDecision());
		assertThat(item(agent, "/cases/" + id + "/forms/emergency-decision")).isNull();
	}

	@Test
	void theChairSeesThePlanWaitingForApprovalThenTheClosureInEnglishToo() {
		assess();
		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new NeedsAssessment("Khỏe", "Ổn", "Gia đình", Rating.LOW, "Tư vấn",
						LocalDate.now(clock.withZone(Time.ZONE)), "Cán bộ", "Biên bản"));
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));

		TestUserAgent agent = signedIn(chairName);
		agent.get("/?lang=en");
		Element item = item(agent, "/cases/" + id + "/forms/plan-decision");
		assertThat(item).isNotNull();
		assertThat(item.text()).contains(reference, "Approval of the support and intervention plan")
			.containsPattern("\\d+ (h|days) left");
		assertThat(item(agent, "/cases/" + id)).isNull();

		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "45/QĐ-UBND", LocalDate.now(clock.withZone(Time.ZONE)), null));
		assertThat(item(agent, "/cases/" + id + "/forms/plan-decision")).isNull();
		workflow.startReview(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.recordClosingAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "Trẻ an toàn, ổn định."));
		assertThat(item(agent, "/cases/" + id).text()).contains(reference, "Decision to close the case");
		assertThat(Jsoup.parse(agent.get("/notifications").body()).text()).contains("Decision to close the case");

		workflow.close(Actor.of(chair, "ip"), id, testCases.version(id), null);
		assertThat(item(agent, "/cases/" + id)).isNull();
	}

	@Test
	void aChairOfAnotherCommuneSeesNoneOfIt() {
		assess();
		TestUserAgent other = signedIn(testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.NINH_KIEU));

		Document home = Jsoup.parse(other.get("/").body());
		assertThat(home.text()).doesNotContain(reference);
		assertThat(home.select("a[href^=/cases/" + id + "]")).isEmpty();
		assertThat(Jsoup.parse(other.get("/notifications").body()).text()).doesNotContain(reference);
	}

	@Test
	void someoneForWhomNothingWaitsIsToldSo() {
		TestUserAgent agent = signedIn(testAccounts.create(Role.STATISTICIAN, TestUnits.CAN_THO));

		Document home = Jsoup.parse(agent.get("/").body());
		assertThat(home.selectFirst("#work-empty").text()).isEqualTo("Không có việc nào đang chờ bạn.");
		assertThat(home.select("#work-queue")).isEmpty();
	}

	@Test
	void theOfficerSeesTheReportToVerifyThenTheStepDueThenOverdue() {
		TestUserAgent agent = signedIn(officerName);
		assertThat(item(agent, "/cases/" + id).text()).contains(reference, "Xác minh thông báo", "Lâm Thị Hồng Nhung");

		assess();
		Element due = item(agent, "/cases/" + id);
		assertThat(due.text()).contains("Lập kế hoạch hỗ trợ, can thiệp").containsPattern("còn \\d+ (giờ|ngày)");

		clock.travelTo(testCases.deadline(id, DeadlineStep.PLAN).dueAt().plus(Duration.ofHours(3)));
		Element overdue = item(agent, "/cases/" + id);
		assertThat(overdue.text()).contains("quá hạn 3 giờ");
		assertThat(overdue.hasClass("overdue")).isTrue();
	}

	@Test
	void theOfficerSeesTheInitialAndClosingAssessmentsDueUntilRecorded() {
		TestUserAgent agent = signedIn(officerName);
		String initial = "/cases/" + id + "/forms/initial-assessment";
		String closing = "/cases/" + id + "/forms/closing-assessment";
		assertThat(item(agent, initial)).isNull();

		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Đã xác minh.");
		assertThat(item(agent, initial).text()).contains(reference, "Đánh giá nguy cơ ban đầu (Mẫu 02)",
				"Lâm Thị Hồng Nhung");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				CaseWorkflowIntegrationTests.initialAssessment());
		assertThat(item(agent, initial)).isNull();

		forms.recordNeedsAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new NeedsAssessment("Khỏe", "Ổn", "Gia đình", Rating.LOW, "Tư vấn",
						LocalDate.now(clock.withZone(Time.ZONE)), "Cán bộ", "Biên bản"));
		forms.draftPlan(Actor.of(officer, "ip"), id, testCases.version(id), ProtectionCaseTests.plan());
		workflow.submitPlan(Actor.of(officer, "ip"), id, testCases.version(id));
		forms.decideOnPlan(Actor.of(chair, "ip"), id, testCases.version(id),
				new PlanDecision(true, "45/QĐ-UBND", LocalDate.now(clock.withZone(Time.ZONE)), null));
		assertThat(item(agent, closing)).isNull();
		workflow.startReview(Actor.of(officer, "ip"), id, testCases.version(id));
		agent.get("/?lang=en");
		assertThat(item(agent, closing).text()).contains(reference, "Closing assessment (Form 06)");
		assertThat(Jsoup.parse(agent.get("/").body()).selectFirst("#work-counts").text())
			.contains("Closing assessment (Form 06): 1");

		forms.recordClosingAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "Trẻ an toàn, ổn định."));
		assertThat(item(agent, closing)).isNull();
	}

	@Test
	void theOfficersOfTheReceivingCommuneSeeTheTransferToAcceptUntilOneAcceptsIt() {
		String receiving = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU);
		transfers.request(Actor.of(officer, "ip"), id, testCases.version(id),
				new CaseTransfers.Request(testUnits.ninhKieu().value(), "Gia đình chuyển về Ninh Kiều."));
		TestUserAgent agent = signedIn(receiving);

		assertThat(item(agent, "/cases/" + id).text()).contains(reference, "Tiếp nhận vụ việc được chuyển đến",
				"Lâm Thị Hồng Nhung");

		transfers.accept(Actor.of(testCases.user(receiving), "ip"), id, testCases.version(id));
		assertThat(item(agent, "/cases/" + id).text()).doesNotContain("Tiếp nhận vụ việc được chuyển đến")
			.contains("Xác minh thông báo");
	}

	@Test
	void theProvincialManagerSeesTheOverdueStepsOfTheProvinceOnly() {
		assess();
		Actor province = Actor.of(testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO)),
				"ip");
		Actor elsewhere = Actor.of(testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "01")), "ip");
		assertThat(itemsAbout(province)).isEmpty();

		clock.travelTo(testCases.deadline(id, DeadlineStep.PLAN).dueAt().plus(Duration.ofDays(3)));
		// the whole province's overdue steps, older ones of other tests included: read
		// them
		// all rather than the start page's first fifty
		assertThat(itemsAbout(province)).filteredOn(item -> item.stepKey().equals(CaseLinks.stepKey(DeadlineStep.PLAN)))
			.singleElement()
			.satisfies(item -> {
				assertThat(item.link()).isEqualTo("/cases/" + id);
				assertThat(item.overdueAt(clock.instant())).isTrue();
			});
		assertThat(itemsAbout(elsewhere)).isEmpty();
	}

	private List<WorkItem> itemsAbout(Actor actor) {
		return work.waiting(actor, Integer.MAX_VALUE)
			.items()
			.stream()
			.filter(item -> item.reference().equals(reference))
			.toList();
	}

	@Test
	void aDecisionWaitingNotifiesTheChairAndOpeningItReadsIt() {
		TestUserAgent agent = signedIn(chairName);
		int before = unread(agent);
		assess();

		assertThat(unread(agent)).isEqualTo(before + 1);
		Document list = Jsoup.parse(agent.get("/notifications").body());
		Element notification = list.select("#notifications li.unread")
			.stream()
			.filter(li -> li.text().contains(reference))
			.findFirst()
			.orElseThrow();
		assertThat(notification.text()).contains("Chờ bạn quyết định", "Quyết định áp dụng biện pháp khẩn cấp");
		String open = notification.selectFirst("a").attr("href");

		TestUserAgent.Response opened = agent.get(open);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).endsWith("/cases/" + id + "/forms/emergency-decision");
		assertThat(unread(agent)).isEqualTo(before);
	}

	@Test
	void anotherUsersNotificationOrNoIdAtAllIsNotFoundAndStaysUnread() {
		assess();
		long theirs = jdbc.sql("SELECT id FROM notification WHERE user_id = ? ORDER BY id DESC LIMIT 1")
			.param(chair.id())
			.query(Long.class)
			.single();
		TestUserAgent stranger = signedIn(testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.NINH_KIEU));

		assertThat(stranger.get("/notifications/" + theirs).status()).isEqualTo(404);
		assertThat(stranger.get("/notifications/abc").status()).isEqualTo(404);
		assertThat(stranger.get("/notifications/99999999999999999999").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification WHERE id = ?")
			.param(theirs)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void markAllReadEmptiesTheCountAndOpeningTheCaseReadsItsNotifications() {
		assess();
		TestUserAgent agent = signedIn(chairName);
		assertThat(unread(agent)).isPositive();
		agent.get("/cases/" + id);
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND link LIKE ? AND read_at IS NULL")
			.param(chair.id())
			.param("/cases/" + id + "%")
			.query(Long.class)
			.single()).isZero();

		assess2();
		assertThat(unread(agent)).isPositive();
		Document list = Jsoup.parse(agent.get("/notifications").body());
		String csrf = list.selectFirst("input[name=_csrf]").attr("value");
		assertThat(agent.post("/notifications/read", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		assertThat(unread(agent)).isZero();
		assertThat(Jsoup.parse(agent.get("/").body()).select("#nav-notifications .badge")).isEmpty();
	}

	@Test
	void anOverdueClockNotifiesTheChairAndTheMailLinksToTheSamePage() {
		TestUserAgent agent = signedIn(chairName);
		assess();
		clock.travelTo(testCases.deadline(id, DeadlineStep.EMERGENCY_DECISION).dueAt().plus(Duration.ofMinutes(5)));
		escalation.run();

		assertThat(jdbc.sql("""
				SELECT link FROM notification WHERE user_id = ? AND kind_key = 'notification.kind.overdue'
				  AND reference = ?""").param(chair.id()).param(reference).query(String.class).list())
			.containsExactly("/cases/" + id + "/forms/emergency-decision");
		Element alert = Jsoup.parse(agent.get("/cases").body())
			.selectFirst("#alerts li a:containsOwn(" + reference + ")");
		assertThat(alert.attr("href")).isEqualTo("/cases/" + id + "/forms/emergency-decision");
	}

	@Test
	void theCaseFileNamesEachReportByItsReferenceCode() {
		Map<String, Object> report = jdbc.sql("""
				SELECT r.id, r.reference_code FROM report r JOIN case_report c ON c.report_id = r.id
				WHERE c.case_id = ?""").param(id.value()).query().singleRow();

		Document page = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());
		Element link = page.selectFirst("a[href=/intake/reports/" + report.get("id") + "]");
		assertThat(link.text()).isEqualTo("Xem thông báo " + report.get("reference_code"));
	}

	private void assess() {
		workflow.confirmHarm(Actor.of(officer, "ip"), id, testCases.version(id), "Đã xác minh.");
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				CaseWorkflowIntegrationTests.initialAssessment());
	}

	/** The initial assessment saved again, still recommending emergency measures. */
	private void assess2() {
		forms.recordInitialAssessment(Actor.of(officer, "ip"), id, testCases.version(id),
				CaseWorkflowIntegrationTests.initialAssessment());
	}

	private Element item(TestUserAgent agent, String link) {
		Document home = Jsoup.parse(agent.get("/").body());
		Element a = home.selectFirst("#work-queue a[href=" + link + "]");
		return a == null ? null : a.closest("li");
	}

	private int unread(TestUserAgent agent) {
		Element badge = Jsoup.parse(agent.get("/").body()).selectFirst("#nav-notifications .badge");
		return badge == null ? 0 : Integer.parseInt(badge.text());
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

}
