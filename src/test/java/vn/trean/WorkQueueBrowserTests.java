package vn.trean;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.cases.CaseForms;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.InitialAssessment;
import vn.trean.cases.Rating;
import vn.trean.cases.RiskItem;
import vn.trean.cases.TestCases;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chair's morning in a real browser: after the officer recommends emergency measures
 * on an emergency report, the chair signs in, finds the decision waiting on the start
 * page with its 12-hour clock and the child's name, sees the unread notification in the
 * header, follows the item to the page where the decision is made, decides it with the
 * danger and the assessment in view, and the item is gone.
 */
@IntegrationTest
class WorkQueueBrowserTests {

	/** The danger sign the report told of, as the pages name it. */
	private static final String DANGER = "Bị xâm hại tình dục trong 72 giờ qua";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Test
	void theChairFindsTheWaitingEmergencyDecisionOnTheStartPageAndFollowsItToTheDecision() {
		String chairName = testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE);
		CaseId id = emergencyCaseWithMeasuresRecommended(chairName, "Trịnh Bảo Ngọc");
		WebDriver browser = chromium.driver();

		chromium.signIn(base(), chairName);
		browser.get(base() + "/");
		WebElement link = chromium.find("#work-queue a[href='/cases/" + id + "/forms/emergency-decision']");
		WebElement item = link.findElement(By.xpath("./ancestor::li[1]"));
		assertThat(item.getText()).contains("Quyết định áp dụng biện pháp khẩn cấp", "Trịnh Bảo Ngọc")
			.containsPattern("còn 1[01] giờ");
		// at phone width the menu is folded: its button carries the count, read as words
		String unread = browser.findElement(By.cssSelector("#nav-notifications .badge"))
			.getAttribute("textContent")
			.trim();
		assertThat(unread).matches("[1-9]\\d*");
		assertThat(chromium.find("#menu-unread").isDisplayed()).isTrue();
		assertThat(chromium.find("#menu-button").getAttribute("textContent"))
			.isEqualTo("Trình đơn " + unread + " thông báo chưa đọc");

		chromium.script("arguments[0].scrollIntoView({block: 'center'})", link);
		link.click();
		chromium.waiting().until(ExpectedConditions.urlContains("/forms/emergency-decision"));
		assertThat(browser.getCurrentUrl()).endsWith("/cases/" + id + "/forms/emergency-decision");
		assertThat(chromium.find("#em-SAFE_SHELTER").isDisplayed()).isTrue();

		// the facts decided on are on the same page: the danger, the assessment, the
		// recommendation
		String facts = chromium.find("#decision-facts").getText();
		assertThat(facts).contains(DANGER, "Nguy cơ cao, cần can thiệp khẩn cấp.");
		assertThat(chromium.find("#recommendation").getText()).isNotBlank();
		chromium.script("arguments[0].click()", chromium.find("#em-SAFE_SHELTER"));
		chromium.find("#shelterPlace").sendKeys("Cơ sở trợ giúp xã hội thành phố");
		chromium.find("#reasons").sendKeys("Trẻ có nguy cơ bị xâm hại tiếp.");
		chromium.script("arguments[0].click()", chromium.find("#save-form"));
		chromium.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/forms/")));
		assertThat(chromium.find(".flash").getText()).isNotBlank();

		browser.get(base() + "/");
		assertThat(browser
			.findElements(By.cssSelector("#work-queue a[href='/cases/" + id + "/forms/emergency-decision']")))
			.as("the decision made, it no longer waits")
			.isEmpty();
	}

	private CaseId emergencyCaseWithMeasuresRecommended(String chairName, String child) {
		CurrentUser chair = testCases.user(chairName);
		CurrentUser officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE));
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		CaseId id = testCases.caseOf(intake.record(operator,
				ReportDrafts.at(testUnits.caiKhe())
					.withChild(child, 9)
					.withHarm(HarmForm.SEXUAL_MOLESTATION)
					.withPerpetratorAccess()
					.withAccount("Mẹ của bé gọi đường dây nóng.")
					.withDangerSigns(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)
					.build()));
		workflow.assign(Actor.of(chair, "127.0.0.1"), id, testCases.version(id),
				new CaseWorkflow.Assignment(officer.id()));
		workflow.confirmHarm(Actor.of(officer, "127.0.0.1"), id, testCases.version(id), "Đã gặp trẻ và mẹ.");
		forms.recordInitialAssessment(Actor.of(officer, "127.0.0.1"), id, testCases.version(id),
				new InitialAssessment(Arrays.stream(RiskItem.values())
					.map(risk -> new InitialAssessment.RatedItem(risk, Rating.HIGH, "Đánh giá"))
					.toList(), "Nguy cơ cao, cần can thiệp khẩn cấp.", true));
		return id;
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
