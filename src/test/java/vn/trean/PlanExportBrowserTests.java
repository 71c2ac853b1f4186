package vn.trean;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress export in a real browser with htmx: a refused request (422) shows its
 * translated reason in the page as an alert instead of nothing, and a good request
 * afterwards polls until the file can be downloaded.
 */
@IntegrationTest
class PlanExportBrowserTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	MessageSource messages;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusedExportShowsItsReasonAsAnAlertAndAGoodOneEndsWithTheDownload() {
		long plan = plan();
		WebDriver browser = chromium.driver();
		chromium.signIn(base(), testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		browser.get(base() + "/plans/" + plan + "/progress?period=2025");
		String page = browser.getCurrentUrl();

		// a period outside the plan, as a stale or tampered form would send it
		chromium.script("document.querySelector('#exports input[name=period]').value = '2031'");
		chromium.find("#exports button[name=format][value=xlsx]").click();

		chromium.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#export [role=alert] #period-error")));
		assertThat(chromium.find("#export [role=alert] .alert").getText()).isEqualTo(message("plan-exports.refused"));
		assertThat(chromium.find("#period-error").getText()).isEqualTo(message("plan-reports.period.outside-plan"));
		assertThat(chromium.find("#export").getAttribute("aria-live")).isEqualTo("polite");
		assertThat(browser.getCurrentUrl()).as("htmx swapped the answer into the page").isEqualTo(page);
		assertThat(
				jdbc.sql("SELECT count(*) FROM plan_export WHERE plan_id = ?").param(plan).query(Long.class).single())
			.isZero();

		chromium.script("document.querySelector('#exports input[name=period]').value = '2025'");
		chromium.find("#exports button[name=format][value=xlsx]").click();

		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
		assertThat(chromium.find("#export-state").getText()).isEqualTo(message("plan-exports.state.DONE"));
		assertThat(chromium.driver().findElements(By.cssSelector("#export [role=alert]"))).isEmpty();
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

	/** A plan of Cần Thơ of its own for 2024 to 2026. */
	private long plan() {
		long canTho = testUnits.canTho().value();
		long plan = jdbc.sql("""
				INSERT INTO plan (province_unit_id, number, title, issuer, start_year, end_year, status, created_at)
				VALUES (?, ?, 'Kế hoạch kiểm thử xuất tệp', 'Ủy ban nhân dân thành phố Cần Thơ', 2024, 2026,
				  'ACTIVE', ?) RETURNING id""")
			.params(List.of(canTho, "E" + System.nanoTime() + "/KH-UBND", java.sql.Timestamp.from(Instant.now())))
			.query(Long.class)
			.single();
		long objective = jdbc
			.sql("INSERT INTO plan_objective (plan_id, ordinal, text) VALUES (?, 1, 'Mục tiêu') RETURNING id")
			.param(plan)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO plan_indicator (plan_id, objective_id, code, name, unit_of_measure, numerator_definition,
				  denominator_definition, denominator_kind, desired_direction, source_kind, is_coverage, ordinal)
				VALUES (?, ?, '1.1', 'Tỷ lệ gia đình có trẻ em được cung cấp kiến thức, kỹ năng', 'PERCENT',
				  'Số gia đình được cung cấp', 'Tổng số gia đình có trẻ em', 'FAMILIES_WITH_CHILDREN', 'INCREASE',
				  'REPORTED', TRUE, 1)""").params(List.of(plan, objective)).update();
		return plan;
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
