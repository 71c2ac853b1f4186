package vn.trean;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six-monthly report journey in a real browser on a phone's screen: Cái Khế's plan
 * reporter fills in and submits the report; the provincial manager returns it with a
 * comment; the reporter corrects and submits again; the manager approves; the city's
 * progress page shows the new value.
 */
@IntegrationTest
class PlanReportBrowserTests {

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
	void communeReporterSubmitsManagerReturnsReporterCorrectsManagerApprovesCityProgressChanges() {
		long plan = planWithAReportedIndicator();
		long indicator = jdbc.sql("SELECT id FROM plan_indicator WHERE plan_id = ? AND code = '1.1'")
			.param(plan)
			.query(Long.class)
			.single();
		String reporter = testAccounts.create(Role.PLAN_REPORTER, "31120");
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		WebDriver browser = chromium.driver();
		String numerator = "#indicator-" + indicator + "-numerator";
		String denominator = "#indicator-" + indicator + "-denominator";

		// the reporter of Cái Khế starts and submits the report of the first half of 2025
		chromium.signIn(base(), reporter);
		browser.get(base() + "/plans/" + plan + "/reports?period=2025-H1");
		assertThat(chromium.find("h1").getText()).isEqualTo(message("plan-reports.title"));
		chromium.find("#reports button[type=submit]").click();
		chromium.waiting().until(ExpectedConditions.urlMatches("/reports/\\d+$"));
		String report = browser.getCurrentUrl();
		assertThat(chromium.find(".flash").getText()).isEqualTo(message("plan-reports.started"));
		chromium.find(numerator).sendKeys("300");
		chromium.find(denominator).sendKeys("500");
		chromium.find("button[name=step][value=submit]").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector(".flash"),
					message("plan-reports.submitted")));
		assertThat(chromium.find("#state").getText()).isEqualTo(message("plan-reports.state.SUBMITTED"));
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		signOut();

		// the provincial manager returns it with a comment
		chromium.signIn(base(), manager);
		browser.get(report);
		chromium.find("#comment").sendKeys("Mẫu số 500 chưa khớp số gia đình có trẻ em của phường.");
		chromium.find("#return").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector(".flash"),
					message("plan-reports.returned")));
		assertThat(chromium.find("#state").getText()).isEqualTo(message("plan-reports.state.RETURNED"));
		signOut();

		// the reporter reads the comment, corrects the denominator and submits again
		chromium.signIn(base(), reporter);
		browser.get(report);
		assertThat(chromium.find("#return-comment").getText()).contains("Mẫu số 500 chưa khớp");
		chromium.find(denominator).clear();
		chromium.find(denominator).sendKeys("400");
		chromium.find("button[name=step][value=submit]").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector(".flash"),
					message("plan-reports.submitted")));
		signOut();

		// the manager approves; the city's progress shows 300 / 400
		chromium.signIn(base(), manager);
		browser.get(base() + "/plans/" + plan + "/progress?period=2025-H1");
		assertThat(chromium.find("#indicator-1\\.1 .value").getText()).isEqualTo("–");
		browser.get(report);
		chromium.find("#approve").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector(".flash"),
					message("plan-reports.approved")));
		assertThat(chromium.find("#state").getText()).isEqualTo(message("plan-reports.state.APPROVED"));

		browser.get(base() + "/plans/" + plan + "/progress?period=2025-H1");

		assertThat(chromium.find("#indicator-1\\.1 .value").getText()).isEqualTo("75%");
		assertThat(chromium.find("#indicator-1\\.1 .level-text").getText())
			.isEqualTo(message("plan-reports.progress.level.BEHIND"));
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		chromium.find("#indicator-1\\.1 td.level a").click();
		chromium.waiting().until(ExpectedConditions.urlContains("/progress/trace"));
		assertThat(chromium.find("#total-numerator").getText()).isEqualTo("300");
		assertThat(chromium.find("#total-denominator").getText()).isEqualTo("400");
	}

	@Test
	void reporterFillsInTheRowsBySexOnAPhoneAndTheManagerReadsThem() {
		long plan = planWithAReportedIndicator();
		long objective = jdbc.sql("SELECT id FROM plan_objective WHERE plan_id = ?")
			.param(plan)
			.query(Long.class)
			.single();
		long pupils = jdbc.sql("""
				INSERT INTO plan_indicator (plan_id, objective_id, code, name, unit_of_measure, numerator_definition,
				  denominator_definition, denominator_kind, disaggregations, desired_direction, source_kind,
				  is_coverage, ordinal)
				VALUES (?, ?, '1.2', 'Tỷ lệ học sinh được giáo dục kỹ năng sống, tự bảo vệ', 'PERCENT',
				  'Số học sinh được giáo dục', 'Tổng số học sinh', 'PUPILS', 'SEX,AGE_GROUP', 'INCREASE', 'REPORTED',
				  TRUE, 2) RETURNING id""").params(List.of(plan, objective)).query(Long.class).single();
		String reporter = testAccounts.create(Role.PLAN_REPORTER, "31120");
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, "92");
		WebDriver browser = chromium.driver();
		String p = "#indicator-" + pupils;

		chromium.signIn(base(), reporter);
		browser.get(base() + "/plans/" + plan + "/reports?period=2025-H1");
		chromium.find("#reports button[type=submit]").click();
		chromium.waiting().until(ExpectedConditions.urlMatches("/reports/\\d+$"));
		String report = browser.getCurrentUrl();
		chromium.find(p + "-numerator").sendKeys("100");
		chromium.find(p + "-denominator").sendKeys("200");
		chromium.find(p + "-FEMALE-numerator").sendKeys("60");
		chromium.find(p + "-FEMALE-denominator").sendKeys("110");
		chromium.find(p + "-MALE-numerator").sendKeys("50");
		chromium.find(p + "-MALE-denominator").sendKeys("90");
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		chromium.find("button[name=step][value=submit]").click();
		// 60 + 50 is more than the total of 100: refused next to the rows by sex
		assertThat(chromium.find(p + "-sexes-numerator-error").getText())
			.isEqualTo(message("plan-reports.sex.over-total"));
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		chromium.find(p + "-MALE-numerator").clear();
		chromium.find(p + "-MALE-numerator").sendKeys("40");
		chromium.find("button[name=step][value=submit]").click();
		chromium.waiting()
			.until(ExpectedConditions.textToBe(org.openqa.selenium.By.cssSelector(".flash"),
					message("plan-reports.submitted")));
		signOut();

		chromium.signIn(base(), manager);
		browser.get(report);
		assertThat(chromium.find("#value-1\\.2-FEMALE .numerator").getText()).isEqualTo("60");
		assertThat(chromium.find("#value-1\\.2-MALE .denominator").getText()).isEqualTo("90");
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
	}

	/**
	 * A plan of Cần Thơ of its own, so the journey never meets another test's reports.
	 */
	private long planWithAReportedIndicator() {
		long canTho = testUnits.canTho().value();
		long plan = jdbc.sql("""
				INSERT INTO plan (province_unit_id, number, title, issuer, start_year, end_year, status, created_at)
				VALUES (?, ?, 'Kế hoạch kiểm thử hành trình', 'Ủy ban nhân dân thành phố Cần Thơ', 2024, 2026,
				  'ACTIVE', now()) RETURNING id""")
			.params(List.of(canTho, "B" + System.nanoTime() + "/KH-UBND"))
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
		jdbc.sql("""
				INSERT INTO plan_target (indicator_id, year, unit_id, value, entered_by, entered_at)
				SELECT id, 2025, ?, 100, 'test', ? FROM plan_indicator WHERE plan_id = ? AND code = '1.1'""")
			.params(List.of(canTho, java.sql.Timestamp.from(Instant.now()), plan))
			.update();
		return plan;
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
