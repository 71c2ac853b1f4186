package vn.trean;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and refused forms on a 360 px phone: a list table shows each row as a card whose
 * cells name their column, the dashboard's caption stays within the screen, a link's
 * accessible name starts with the number it shows, and a refused form's error summary
 * takes the focus and leads into the field.
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

	@Test
	void aListTableShowsEachRowAsACardWhoseCellsNameTheirColumn() {
		chromium.signIn(base(), testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		chromium.driver().get(base() + "/admin/users");

		WebElement cell = chromium.find("table.reflow tbody td[data-label]");
		assertThat(style(cell, "display")).isEqualTo("block");
		assertThat(style(chromium.find("table.reflow tbody tr"), "display")).isEqualTo("block");
		assertThat(chromium.script("return getComputedStyle(arguments[0], '::before').content", cell))
			.isEqualTo("\"" + cell.getAttribute("data-label") + ": \"");
		assertThat(chromium.find("table.reflow thead").getSize().getHeight()).as("headers visually hidden")
			.isLessThanOrEqualTo(1);
		assertThat(chromium.find("table.reflow thead th").getAttribute("textContent")).as("kept for screen readers")
			.isNotBlank();
		assertThat(chromium.scrollWidth()).as("no sideways scrolling").isLessThanOrEqualTo(chromium.viewportWidth());
		WebElement link = chromium.find("table.reflow tbody td a");
		assertThat(link.getSize().getHeight()).as("a link's touch target").isGreaterThanOrEqualTo(24);
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

	private String style(WebElement element, String property) {
		return (String) chromium.script("return getComputedStyle(arguments[0])[arguments[1]]", element, property);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
