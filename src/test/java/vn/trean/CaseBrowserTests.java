package vn.trean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.cases.CaseForms;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.DeadlineEscalation;
import vn.trean.cases.InitialAssessment;
import vn.trean.cases.Rating;
import vn.trean.cases.RiskItem;
import vn.trean.cases.TestCases;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case journeys in a real browser at phone width: (a) from an emergency report to an
 * approved plan, the officer and the chair taking turns inside the 12-hour clock; (b) the
 * chair deciding a waiting emergency decision with the danger and the recommendation in
 * view; (c) a plan clock started before Tết 2026 that runs across it, is missed and
 * reaches the chair.
 */
@IntegrationTest
class CaseBrowserTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	MessageSource messages;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void fromAnEmergencyReportToAnApprovedPlanInImplementation() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		CaseId id = emergencyCase("Thạch Ngọc Diệp", officer, chair);
		WebDriver browser = chromium.driver();

		// the officer verifies and records the initial assessment (Mẫu 02)
		chromium.signIn(base(), officer);
		browser.get(base() + "/cases");
		browser.findElement(By.cssSelector("a[href='/cases/" + id + "']")).click();
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.RECEIVED"));
		assertThat(chromium.find("#clocks tr[data-step=EMERGENCY_DECISION] .countdown").getText())
			.matches("còn 0 ngày 1[01] giờ \\d{1,2} phút");
		click("#step-START_VERIFICATION");
		chromium.find("#text-CONFIRM_HARM").sendKeys("Đã gặp trẻ và mẹ: có dấu hiệu bị xâm hại tình dục.");
		click("#step-CONFIRM_HARM");
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.INITIAL_ASSESSMENT"));
		click("#form-initial-assessment");
		for (int i = 0; i < RiskItem.values().length; i++) {
			new Select(chromium.find("#rating-" + i)).selectByVisibleText(message("rating.HIGH"));
		}
		chromium.find("#summary").sendKeys("Nguy cơ cao: người xâm hại là hàng xóm, vẫn tiếp cận được trẻ.");
		click("#save-form");
		assertThat(chromium.find(".flash").getText()).isEqualTo(message("case.form.saved.initial-assessment"));
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.NEEDS_ASSESSMENT"));
		signOut();

		// the chair decides on emergency measures inside the 12 hours
		chromium.signIn(base(), chair);
		browser.get(base() + "/cases/" + id);
		click("#form-emergency-decision");
		chromium.find("#em-SAFE_SHELTER").click();
		chromium.find("#shelterPlace").sendKeys("Cơ sở trợ giúp xã hội thành phố");
		chromium.find("#reasons").sendKeys("Trẻ có nguy cơ bị xâm hại tiếp.");
		click("#save-form");
		assertThat(chromium.find(".flash").getText()).isEqualTo(message("case.form.saved.emergency-decision"));
		assertThat(chromium.find("#clocks tr[data-step=EMERGENCY_DECISION]").getText()).contains("đã xong lúc");
		signOut();

		// the officer records the needs meeting (Mẫu 03), drafts the plan (Mẫu 04) and
		// submits it
		chromium.signIn(base(), officer);
		browser.get(base() + "/cases/" + id);
		click("#form-needs-assessment");
		chromium.find("#physicalState").sendKeys("Có vết bầm nhẹ.");
		chromium.find("#psychologicalState").sendKeys("Sợ hãi, ít nói.");
		chromium.find("#familySituation").sendKeys("Sống với mẹ.");
		chromium.find("#needs").sendKeys("Trị liệu tâm lý, an toàn.");
		new Select(chromium.find("#carersAbilityToProtect")).selectByVisibleText(message("rating.MEDIUM"));
		date("#meetingDate", today());
		chromium.find("#meetingParticipants").sendKeys("Cán bộ, mẹ, giáo viên chủ nhiệm");
		chromium.find("#meetingMinutes").sendKeys("Thống nhất các biện pháp hỗ trợ.");
		click("#save-form");
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.PLANNING"));
		click("#form-plan");
		chromium.find("#goals").sendKeys("Trẻ an toàn và ổn định tâm lý.");
		new Select(chromium.find("#measure-0")).selectByVisibleText(message("measure.PSYCHOLOGICAL_THERAPY"));
		chromium.find("#responsible-0").sendKeys("Trung tâm công tác xã hội");
		date("#start-0", today());
		date("#end-0", today().plusMonths(3));
		click("#save-form");
		assertThat(chromium.find(".flash").getText()).isEqualTo(message("case.form.saved.plan"));
		click("#step-SUBMIT_PLAN");
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.AWAITING_APPROVAL"));
		signOut();

		// the chair approves; the case is in implementation with its next review date
		chromium.signIn(base(), chair);
		browser.get(base() + "/cases/" + id);
		click("#form-plan-decision");
		chromium.find("#approved-yes").click();
		chromium.find("#decisionNumber").sendKeys("123/QĐ-UBND");
		click("#save-form");
		assertThat(chromium.find("#case-status").getText()).isEqualTo(message("case-status.IN_IMPLEMENTATION"));
		WebElement review = chromium.find("#clocks tr[data-step=REVIEW]");
		assertThat(review.getText()).contains(message("step.REVIEW"))
			.contains("hết ngày "
					+ today().plusDays(90).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		assertThat(chromium.find("#plan").getText()).contains(message("measure.PSYCHOLOGICAL_THERAPY"));
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

	@Test
	void theChairOpensTheWaitingEmergencyDecisionSeesTheDangerAndTheRecommendationAndDecidesIt() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		CaseId id = emergencyCase("Đinh Thị Mơ", officer, chair);
		Actor byOfficer = Actor.of(testCases.user(officer), "127.0.0.1");
		workflow.confirmHarm(byOfficer, id, testCases.version(id), "Trẻ kể bị hàng xóm sờ soạng hôm qua.");
		forms.recordInitialAssessment(byOfficer, id, testCases.version(id),
				new InitialAssessment(java.util.Arrays.stream(RiskItem.values())
					.map(i -> new InitialAssessment.RatedItem(i, Rating.HIGH, null))
					.toList(), "Người xâm hại vẫn tiếp cận được trẻ.", true));
		WebDriver browser = chromium.driver();

		chromium.signIn(base(), chair);
		browser.get(base() + "/cases/" + id);
		WebElement waiting = chromium.find("#decide-emergency");
		assertThat(waiting.getText()).contains(message("danger.SEXUAL_ABUSE_WITHIN_72_HOURS"))
			.contains(message("harm.SEXUAL_MOLESTATION"))
			.contains("Trẻ kể bị hàng xóm sờ soạng hôm qua.")
			.contains("Người xâm hại vẫn tiếp cận được trẻ.");
		assertThat(chromium.find("#recommendation").getText())
			.contains(testCases.user(officer).displayName() + " đề nghị");
		click("#form-emergency-decision");
		assertThat(chromium.find("#emergency-facts").getText())
			.contains(message("danger.SEXUAL_ABUSE_WITHIN_72_HOURS"));
		assertThat(browser.findElements(By.cssSelector("input[name=measures]:checked"))).isEmpty();
		chromium.find("#em-SAFE_SHELTER").click();
		chromium.find("#shelterPlace").sendKeys("Nhà tạm lánh của phường");
		chromium.find("#reasons").sendKeys("Trẻ bị xâm hại trong 72 giờ, người xâm hại ở gần.");
		click("#save-form");

		assertThat(chromium.find(".flash").getText()).isEqualTo(message("case.form.saved.emergency-decision"));
		assertThat(chromium.find("#clocks tr[data-step=EMERGENCY_DECISION]").getText()).contains("đã xong lúc");
		assertThat(browser.findElements(By.id("decide-emergency"))).as("nothing waits any more").isEmpty();
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

	@Test
	void aPlanClockAcrossTetIsComputedMissedAndEscalatedToTheChair() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String chair = testAccounts.create(Role.COMMUNE_CHAIR, "31120");
		WebDriver browser = chromium.driver();
		chromium.signIn(base(), officer);

		// Thursday 12 February 2026 at 10:00, two days before the Tết break
		clock.travelTo(LocalDateTime.of(2026, 2, 12, 10, 0).atZone(Time.ZONE).toInstant());
		CaseId id = emergencyCase("Sơn Thị Huyền", officer, chair);
		browser.get(base() + "/cases/" + id);
		chromium.find("#text-CONFIRM_HARM").sendKeys("Có dấu hiệu bị bỏ mặc.");
		click("#step-CONFIRM_HARM");
		click("#form-initial-assessment");
		for (int i = 0; i < RiskItem.values().length; i++) {
			new Select(chromium.find("#rating-" + i)).selectByVisibleText(message("rating.MEDIUM"));
		}
		chromium.find("#summary").sendKeys("Cần kế hoạch hỗ trợ.");
		click("#save-form");

		// Fri 13, then Tết until Sunday 22, Mon 23 … Thu 26: due at the end of 26/02
		WebElement plan = chromium.find("#clocks tr[data-step=PLAN]");
		assertThat(plan.getText()).contains("hạn cuối: hết ngày 26/02/2026");

		// nobody drafts the plan; the job finds it late after the deadline
		clock.travelTo(LocalDateTime.of(2026, 2, 27, 8, 0).atZone(Time.ZONE).toInstant());
		escalation.run();
		browser.get(base() + "/cases/overdue");
		List<String> late = browser.findElements(By.xpath("//tr[.//a[@href='/cases/" + id + "']]"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(late).anySatisfy(row -> assertThat(row).contains(message("step.PLAN"))
			.contains("hạn cuối: hết ngày 26/02/2026")
			.contains(message("escalation.OVERDUE")));
		signOut();

		clock.reset();
		chromium.signIn(base(), chair);
		browser.get(base() + "/cases");
		List<String> alerts = browser
			.findElements(By.xpath("//section[@id='alerts']//li[.//a[@href='/cases/" + id + "']]"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(alerts).anySatisfy(
				alert -> assertThat(alert).contains(message("escalation.OVERDUE")).contains(message("step.PLAN")));
	}

	private CaseId emergencyCase(String child, String officer, String chair) {
		UnitId caiKhe = testUnits.caiKhe();
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(caiKhe)
					.withChild(child, 9)
					.withHarm(HarmForm.SEXUAL_MOLESTATION)
					.withPerpetratorAccess()
					.withAccount("Mẹ của bé gọi đường dây nóng.")
					.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)
					.build());
		CaseId id = testCases.caseOf(receipt);
		int version = jdbc.sql("SELECT version FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(Integer.class)
			.single();
		workflow.assign(Actor.of(testCases.user(chair), "127.0.0.1"), id, version,
				new CaseWorkflow.Assignment(testCases.user(officer).id()));
		return id;
	}

	private void click(String css) {
		WebElement element = chromium.find(css);
		chromium.script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
		// the page was replaced once the old element is gone (ChromeDriver may report a
		// detached node as an unknown error rather than a stale element)
		chromium.waiting().until(driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
	}

	private void date(String css, LocalDate value) {
		chromium.script(
				"arguments[0].value = arguments[1];"
						+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
				chromium.find(css), value.toString());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	private void signOut() {
		chromium.find("form[action$='/logout'] button").click();
		chromium.waiting().until(ExpectedConditions.urlContains("/login"));
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
