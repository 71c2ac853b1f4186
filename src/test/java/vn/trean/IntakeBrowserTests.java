package vn.trean;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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

import vn.trean.children.ChildDetails;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.children.Sex;
import vn.trean.geography.Geography;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emergency journey in a real browser: the hotline operator records a report of a
 * girl sexually abused within 72 hours in An Bình (a ward no other test reports to); the
 * girl is in the registry already and the operator links her; the ward's officer finds it
 * at the top of the inbox with the 12-hour countdown; the officer of another ward neither
 * sees nor opens it.
 */
@IntegrationTest
class IntakeBrowserTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String CHILD = "Lâm Ngọc Trâm";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	MessageSource messages;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChildRegistry childRegistry;

	@Test
	void emergencyRecordedByTheHotlineReachesTheTopOfTheWardOfficersInboxOnly() {
		String operator = testAccounts.create(Role.HOTLINE_OPERATOR, "92");
		String anBinhOfficer = testAccounts.create(Role.COMMUNE_OFFICER, "31150");
		String ninhKieuOfficer = testAccounts.create(Role.COMMUNE_OFFICER, "31135");
		WebDriver browser = chromium.driver();
		LocalDate born = geography.today().minusYears(9).minusDays(40);
		// the girl is in the registry already, from an earlier contact
		ChildId earlier = childRegistry
			.register(new ChildDetails(CHILD, Sex.FEMALE, born, null, null, anBinh(), null, null, null), false);

		// the hotline operator records the call
		chromium.signIn(base(), operator);
		browser.get(base() + "/intake/reports/new");
		assertThat(chromium.find("h1").getText()).isEqualTo(message("report.new"));
		label(message("danger.SEXUAL_ABUSE_WITHIN_72_HOURS")).click();
		assertThat(chromium.find("#danger-SEXUAL_ABUSE_WITHIN_72_HOURS").isSelected()).isTrue();
		chromium.find("#reporterName").sendKeys("Trần Thị Hoa");
		chromium.find("#reporterPhone").sendKeys("0912 345 678");
		chromium.find("#c0-name").sendKeys(CHILD);
		new Select(chromium.find("#c0-sex")).selectByVisibleText(message("sex.FEMALE"));
		chromium.script(
				"arguments[0].value = arguments[1];"
						+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
				chromium.find("#c0-born"), born.toString());
		new Select(chromium.find("#c0-home")).selectByVisibleText("Phường An Bình");
		// the likely matches arrive while the child is entered, nothing chosen for the
		// operator; she recognises the girl and links her
		String linkId = "link-0-" + childRegistry.find(earlier).orElseThrow().reference();
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(linkId)));
		// each field entered asks again: the last answer is the one to choose in
		chromium.waiting()
			.until(driver -> Boolean.TRUE.equals(chromium.script("return !document.querySelector('.htmx-request')")));
		WebElement match = chromium.find("[id='" + linkId + "']");
		assertThat(chromium.find("#link-0-new").isSelected()).isFalse();
		assertThat(match.isSelected()).isFalse();
		chromium.find("label[for='" + linkId + "']").click();
		assertThat(chromium.find("[id='" + linkId + "']").isSelected()).isTrue();
		label(message("harm.SEXUAL_MOLESTATION")).click();
		assertThat(chromium.find("#harm-SEXUAL_MOLESTATION").isSelected()).isTrue();
		new Select(chromium.find("#placeUnit")).selectByVisibleText("Phường An Bình");
		chromium.find("#account")
			.sendKeys("Bé kể bị một người hàng xóm sờ soạng chiều hôm qua; mẹ bé gọi đường dây nóng.");
		chromium.find("button[name=step][value=save]").click();

		chromium.waiting().until(ExpectedConditions.urlMatches("/intake/reports/[0-9a-f-]{36}$"));
		UUID report = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/", ""));
		assertThat(jdbc.sql("SELECT child_id FROM report_child WHERE report_id = ?")
			.param(report)
			.query(Long.class)
			.list()).as("the report is about the registered girl").containsExactly(earlier.value());
		assertThat(chromium.find(".flash").getText()).isEqualTo(message("report.recorded"));
		assertThat(chromium.find(".urgency strong").getText()).isEqualTo(message("urgency.EMERGENCY"));
		signOut();

		// the officer of An Bình finds it at the top of the inbox, the clock running
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT in_case FROM report WHERE id = ?")
				.param(report)
				.query(Boolean.class)
				.single());
		chromium.signIn(base(), anBinhOfficer);
		browser.get(base() + "/intake/inbox");
		assertThat(chromium.find("h1").getText()).isEqualTo(message("inbox.title"));
		List<WebElement> rows = browser.findElements(By.cssSelector("#inbox tbody tr"));
		int row = rowOf(rows, report);
		assertThat(row).as("the report is in the inbox").isNotNegative();
		// the first row, unless emergencies still needing attention whose 12 hours run
		// out sooner wait there (none: no other test reports to An Bình)
		assertThat(row).isEqualTo(earlierEmergenciesInAnBinh(report));
		WebElement first = rows.get(row);
		assertThat(first.findElement(By.cssSelector("strong")).getText()).isEqualTo(message("urgency.EMERGENCY"));
		assertThat(first.findElement(By.cssSelector(".countdown")).getText()).matches("còn 11 giờ \\d{1,2} phút");
		assertThat(first.findElement(By.cssSelector(".badge")).getText()).isEqualTo(message("inbox.new"));
		signOut();

		// the officer of Ninh Kiều does not see it, and typing its address is refused
		chromium.signIn(base(), ninhKieuOfficer);
		browser.get(base() + "/intake/inbox");
		assertThat(chromium.find("h1").getText()).isEqualTo(message("inbox.title"));
		assertThat(rowOf(browser.findElements(By.cssSelector("#inbox tbody tr")), report)).isNegative();

		browser.get(base() + "/intake/reports/" + report);

		assertThat(chromium.find("h1").getText()).isEqualTo(message("error.403.title"));
		assertThat(browser.getTitle()).isEqualTo(message("error.403.title"));
		assertThat(chromium.find("main").getText()).contains(message("error.403.text"))
			.contains(message("access.refused.jurisdiction"));
		assertThat(browser.getPageSource()).doesNotContain(CHILD).doesNotContain("Trần Thị Hoa");
	}

	private WebElement label(String text) {
		return chromium.driver().findElement(By.xpath("//label[normalize-space()='" + text + "']"));
	}

	private void signOut() {
		chromium.find("form[action$='/logout'] button").click();
		chromium.waiting().until(ExpectedConditions.urlContains("/login"));
	}

	private static int rowOf(List<WebElement> rows, UUID report) {
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).findElements(By.cssSelector("a[href='/intake/reports/" + report + "']")).isEmpty()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Reports routed to An Bình listed before this one: emergencies still needing
	 * attention whose decision falls due sooner.
	 */
	private int earlierEmergenciesInAnBinh(UUID report) {
		return jdbc.sql("""
				SELECT count(*) FROM report WHERE routed_unit_id = ?
				  AND (status <> 'IN_HANDLING' OR emergency_decision_due > now()) AND urgency = 'EMERGENCY'
				  AND emergency_decision_due < (SELECT emergency_decision_due FROM report WHERE id = ?)""")
			.param(anBinh().value())
			.param(report)
			.query(Integer.class)
			.single();
	}

	private vn.trean.geography.UnitId anBinh() {
		return testUnits.id("31150");
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
