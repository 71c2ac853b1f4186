package vn.trean;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in with password and second factor, in a real browser. */
@IntegrationTest
class SignInBrowserTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	MessageSource messages;

	@Test
	void officerSignsInWithPasswordAndCodeAndIsGreetedOnTheStartPage() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		WebDriver browser = chromium.driver();

		chromium.enterPassword(base(), officer);
		assertThat(chromium.find("h1").getText()).isEqualTo(message("login.second-factor.title"));

		chromium.enterCode(base(), officer);
		assertThat(chromium.find("h1").getText()).isEqualTo(
				messages.getMessage("home.heading", new Object[] { "Người kiểm thử COMMUNE_OFFICER" }, VIETNAMESE));
		assertThat(browser.findElements(By.cssSelector("form[action$='/logout'] button"))).hasSize(1);
	}

	@Test
	void wrongCodeShowsTheTranslatedErrorAndKeepsTheSecondFactorPage() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		WebDriver browser = chromium.driver();
		chromium.enterPassword(base(), officer);

		chromium.submitCode(wrongCode());
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));

		assertThat(chromium.find("#code-error").getText()).isEqualTo(message("login.second-factor.wrong"));
		assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/login/second-factor");
		assertThat(chromium.find("h1").getText()).isEqualTo(message("login.second-factor.title"));
		assertThat(chromium.find("#code").getAttribute("aria-describedby")).isEqualTo("code-error");

		// still half signed in: the right code now lets the officer in
		chromium.enterCode(base(), officer);
	}

	/** A six-digit code that no TOTP window around now accepts. */
	private static String wrongCode() {
		Instant now = Instant.now();
		Set<String> valid = Set.of(TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.minusSeconds(60)),
				TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.minusSeconds(30)),
				TestUserAgent.totp(TestAccounts.TOTP_SECRET, now),
				TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.plusSeconds(30)),
				TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.plusSeconds(60)));
		return Stream.of("000000", "111111", "222222").filter(c -> !valid.contains(c)).findFirst().orElseThrow();
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
