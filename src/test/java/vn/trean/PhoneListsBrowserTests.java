package vn.trean;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.children.ChildDetails;
import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and forms on a 360 px phone: a list table (the users, the officer's cases, the
 * inbox) shows each row as a card whose cells name their column, a check box or radio
 * button of the report form is a large target ticked by its label's words, the
 * dashboard's caption stays within the screen, a link's accessible name starts with the
 * number it shows, and a refused form's error summary takes the focus and leads into the
 * field.
 */
@IntegrationTest
class PhoneListsBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	Intake intake;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	ChildRegistry childRegistry;

	@Test
	void aListTableShowsEachRowAsACardWhoseCellsNameTheirColumn() {
		chromium.signIn(base(), testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		chromium.driver().get(base() + "/admin/users");

		assertShownAsCards("main table");
	}

	@Test
	void theOfficersCaseListShowsEachCaseAsACard() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		CaseId id = caseAssignedTo(officer);
		chromium.signIn(base(), officer);
		chromium.driver().get(base() + "/cases");

		chromium.find("#cases a[href='/cases/" + id + "']");
		assertShownAsCards("#cases");
	}

	@Test
	void theInboxShowsEachReportAsACard() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		reportInCaiKhe("Lâm Gia Hân");
		chromium.signIn(base(), officer);
		chromium.driver().get(base() + "/intake/inbox");

		assertShownAsCards("#inbox table");
	}

	@Test
	void eachDangerSignOfTheReportFormIsALargeTargetTickedByItsLabel() {
		chromium.signIn(base(), testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		chromium.driver().get(base() + "/intake/reports/new");

		chromium.find("#dangerSigns input[type=checkbox]");
		List<WebElement> boxes = chromium.driver().findElements(By.cssSelector("#dangerSigns input[type=checkbox]"));
		assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
		boxes.forEach(this::assertLargeTargetTickedByItsLabel);
	}

	@Test
	void eachChoiceOfTheLikelyMatchesIsALargeTargetTickedByItsLabel() {
		String name = "Tô Ngọc Diệp " + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x");
		LocalDate born = LocalDate.now().minusYears(8).minusDays(12);
		childRegistry.register(
				new ChildDetails(name, Sex.FEMALE, born, null, null, testUnits.caiKhe(), null, null, null), false);
		chromium.signIn(base(), testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		chromium.driver().get(base() + "/intake/reports/new");
		// one lookup, asked once both are entered (a later one would replace the choices)
		chromium.script(
				"arguments[0].value = arguments[1]; arguments[2].value = arguments[3];"
						+ "arguments[2].dispatchEvent(new Event('change', { bubbles: true }));",
				chromium.find("#c0-name"), name, chromium.find("#c0-born"), born.toString());

		chromium.find("#matches-0 input[type=radio]");
		chromium.waiting()
			.until(driver -> Boolean.TRUE.equals(chromium.script("return !document.querySelector('.htmx-request')")));
		List<WebElement> choices = chromium.driver().findElements(By.cssSelector("#matches-0 input[type=radio]"));
		assertThat(choices).hasSizeGreaterThanOrEqualTo(2);
		choices.forEach(this::assertLargeTargetTickedByItsLabel);
	}

	@Test
	void theDashboardCaptionStaysWithinTheScreen() {
		long plan = jdbc.sql("SELECT id FROM plan WHERE number = '55/KH-UBND'").query(Long.class).single();
		chromium.signIn(base(), testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		chromium.driver().get(base() + "/plans/" + plan + "/dashboard");

		WebElement caption = chromium.find("#dashboard caption");
		assertThat(caption.getText()).isNotBlank();
		assertThat(chromium.find("#dashboard").getSize().getWidth()).as("the table is wider than the phone")
			.isGreaterThan((int) chromium.viewportWidth());
		Number right = (Number) chromium.script("return arguments[0].getBoundingClientRect().right", caption);
		assertThat(right.doubleValue()).as("the caption's right edge").isLessThanOrEqualTo(chromium.viewportWidth());
		assertThat(caption.getLocation().getX()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void eachCountLinkOfTheRegistersSaysItsNumberFirst() {
		chromium.signIn(base(), testAccounts.create(Role.PLAN_REPORTER, "31120"));
		chromium.driver().get(base() + "/registers");

		chromium.find("table.figures tbody a");
		List<WebElement> links = chromium.driver().findElements(By.cssSelector("table.figures tbody a"));
		assertThat(links).hasSizeGreaterThanOrEqualTo(11);
		for (WebElement link : links) {
			assertThat(link.getAccessibleName()).as("the name of the link showing %s", link.getText())
				.startsWith(link.getText())
				.isNotEqualTo(link.getText());
		}
	}

	@Test
	void aRefusedFormFocusesItsSummaryAndEachLinkLeadsIntoItsField() {
		chromium.signIn(base(), testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		chromium.driver().get(base() + "/admin/users/new");
		chromium.find("#username");
		// the browser's own checks stand aside, so the server's refusal is seen
		chromium.script(
				"var f = document.querySelector('main form[method=post]'); f.noValidate = true; f.requestSubmit();");

		WebElement summary = chromium.find(".error-summary");
		chromium.waiting().until(d -> summary.equals(d.switchTo().activeElement()));
		assertThat(chromium.driver().getTitle()).startsWith("Lỗi: ");
		WebElement link = summary.findElement(By.cssSelector("a"));
		String field = link.getDomAttribute("href").substring(1);
		String label = chromium.find("label[for='" + field + "']").getText();
		assertThat(link.getText()).as("the link names the field's label").startsWith(label + ": ");

		link.click();
		assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).isEqualTo(field);
	}

	/**
	 * A check box or radio button at least 24 px square, its label at least 40 px tall
	 * and beginning beside it, on the same line; a click on the label's words, not on the
	 * box, ticks it.
	 */
	private void assertLargeTargetTickedByItsLabel(WebElement box) {
		String id = box.getDomAttribute("id");
		assertThat(box.getSize().getWidth()).as("the width of %s", id).isGreaterThanOrEqualTo(24);
		assertThat(box.getSize().getHeight()).as("the height of %s", id).isGreaterThanOrEqualTo(24);
		WebElement label = chromium.find("label[for='" + id + "']");
		assertThat(label.getSize().getHeight()).as("the height of the label of %s", id).isGreaterThanOrEqualTo(40);
		assertThat(box.isSelected()).isFalse();
		// where the label's words begin, on screen
		Map<?, ?> words = (Map<?, ?>) chromium.script("""
				arguments[0].scrollIntoView({ block: 'center' });
				var range = document.createRange(); range.selectNodeContents(arguments[0]);
				var r = Array.from(range.getClientRects()).find(q => q.width > 4);
				var b = arguments[1].getBoundingClientRect();
				return { x: r.left + r.width / 2, y: r.top + r.height / 2,
				  beside: r.left >= b.right && r.top < b.bottom && r.bottom > b.top };""", label, box);
		assertThat(words.get("beside")).as("the words of the label of %s begin beside its box", id).isEqualTo(true);
		new Actions(chromium.driver())
			.moveToLocation(((Number) words.get("x")).intValue(), ((Number) words.get("y")).intValue())
			.click()
			.perform();
		assertThat(box.isSelected()).as("%s ticked by a click on its label's words", id).isTrue();
	}

	/**
	 * The list table reflows to cards: each row and cell a block, each cell led by its
	 * column's name, the header row only visually hidden, nothing wider than the phone,
	 * and its links large enough to touch.
	 */
	private void assertShownAsCards(String table) {
		WebElement row = chromium.find(table + " tbody tr");
		assertThat(style(row, "display")).as("each row a card").isEqualTo("block");
		List<WebElement> cells = row.findElements(By.cssSelector(":scope > td"));
		assertThat(cells).isNotEmpty();
		for (WebElement cell : cells) {
			String label = cell.getDomAttribute("data-label");
			assertThat(label).as("the column a cell names").isNotBlank();
			assertThat(style(cell, "display")).as("the cell %s", label).isEqualTo("block");
			assertThat(chromium.script("return getComputedStyle(arguments[0], '::before').content", cell))
				.as("the cell %s", label)
				.isEqualTo("\"" + label + ": \"");
		}
		assertThat(chromium.find(table + " thead").getSize().getHeight()).as("headers visually hidden")
			.isLessThanOrEqualTo(1);
		assertThat(chromium.find(table + " thead th").getAttribute("textContent")).as("kept for screen readers")
			.isNotBlank();
		assertThat(chromium.scrollWidth()).as("no sideways scrolling").isLessThanOrEqualTo(chromium.viewportWidth());
		WebElement wrap = chromium.find(table).findElement(By.xpath(".."));
		assertThat((Number) chromium.script("return arguments[0].scrollWidth - arguments[0].clientWidth", wrap))
			.as("no sideways scrolling within the table's frame")
			.isEqualTo(0L);
		WebElement link = row.findElement(By.cssSelector("td a"));
		assertThat(link.getSize().getHeight()).as("a link's touch target").isGreaterThanOrEqualTo(24);
	}

	/** A report on a child in Cái Khế, taken into a case assigned to the officer. */
	private CaseId caseAssignedTo(String officer) {
		CurrentUser chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, TestUnits.CAI_KHE));
		CaseId id = testCases.caseOf(reportInCaiKhe("Đặng Minh Khôi"));
		workflow.assign(Actor.of(chair, "127.0.0.1"), id, testCases.version(id),
				new CaseWorkflow.Assignment(testCases.user(officer).id()));
		return id;
	}

	/** A report on a child in Cái Khế, as the hotline records it. */
	private ReportReceipt reportInCaiKhe(String child) {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		return intake.record(operator,
				ReportDrafts.at(testUnits.caiKhe())
					.withChild(child, 10)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Hàng xóm thấy trẻ ở nhà một mình nhiều ngày.")
					.build());
	}

	private String style(WebElement element, String property) {
		return (String) chromium.script("return getComputedStyle(arguments[0])[arguments[1]]", element, property);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
