package vn.trean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.cases.CaseId;
import vn.trean.cases.TestCases;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer finds a case in a real browser at phone width by the child's name typed
 * without diacritics, reads who the child is on the line, and opens the case.
 */
@IntegrationTest
class CaseListBrowserTests {

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

	@Test
	void anOfficerFindsACaseByTheChildsNameTypedWithoutDiacriticsAndOpensIt() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, TestUnits.CAN_THO));
		String word = "Quyen" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x");
		String name = "Hoàng Thị Ngọc Hân " + word;
		CaseId id = testCases.caseOf(intake.record(operator,
				ReportDrafts.at(testUnits.caiKhe())
					.withChild(name, 8)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ thường bị bỏ đói.")
					.build()));
		WebDriver browser = chromium.driver();
		chromium.signIn("http://localhost:" + port, officer);

		browser.get("http://localhost:" + port + "/cases/all");
		chromium.find("#q").sendKeys("hoang thi ngoc han " + word.toLowerCase(java.util.Locale.ROOT));
		WebElement search = chromium.find("#search");
		search.click();
		chromium.waiting().until(ExpectedConditions.urlContains("q="));
		WebElement line = chromium.find("#cases a[href='/cases/" + id + "']").findElement(By.xpath("ancestor::tr"));
		assertThat(line.findElement(By.cssSelector(".child-name")).getText()).isEqualTo(name);
		assertThat(browser.findElements(By.cssSelector("#cases tbody tr"))).hasSize(1);
		line.findElement(By.cssSelector("a[href='/cases/" + id + "']")).click();

		chromium.waiting().until(ExpectedConditions.urlToBe("http://localhost:" + port + "/cases/" + id));
		assertThat(chromium.find("#children-title").isDisplayed()).isTrue();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(name);
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

}
