package vn.trean;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages start in Vietnamese; the language link switches to English and the choice is
 * kept.
 */
@IntegrationTest
class LanguageSwitchBrowserTests {

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
	void englishLinkSwitchesTheLoginPageToEnglishAndTheChoiceSticksOnTheNextPage() {
		WebDriver browser = chromium.driver();
		browser.get(base() + "/login");
		assertThat(chromium.find("html").getAttribute("lang")).isEqualTo("vi");
		assertThat(loginButton()).isEqualTo(messages.getMessage("login.submit", null, VIETNAMESE))
			.isEqualTo("Đăng nhập");

		browser.findElement(By.linkText("English")).click();
		chromium.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
		assertThat(loginButton()).isEqualTo(messages.getMessage("login.submit", null, Locale.ENGLISH))
			.isEqualTo("Sign in");
		assertThat(chromium.find("label[for=username]").getText()).isEqualTo("Username");

		// the next page, reached by signing in with the password, is English too
		chromium.submitPassword(testAccounts.create(Role.COMMUNE_OFFICER, "31135"), TestAccounts.PASSWORD);
		chromium.waiting().until(ExpectedConditions.urlToBe(base() + "/login/second-factor"));
		assertThat(chromium.find("html").getAttribute("lang")).isEqualTo("en");
		assertThat(chromium.find("h1").getText()).isEqualTo("Two-factor authentication");
		assertThat(browser.findElement(By.linkText("Tiếng Việt")).getAttribute("hreflang")).isEqualTo("vi");
	}

	@Test
	void vietnameseLinkSwitchesBack() {
		WebDriver browser = chromium.driver();
		browser.get(base() + "/login?lang=en");
		assertThat(loginButton()).isEqualTo("Sign in");

		browser.findElement(By.linkText("Tiếng Việt")).click();
		chromium.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "vi"));
		browser.get(base() + "/login");
		assertThat(chromium.find("html").getAttribute("lang")).isEqualTo("vi");
		assertThat(loginButton()).isEqualTo("Đăng nhập");
	}

	private String loginButton() {
		return chromium.find("form[action$='/login'] button[type=submit]").getText();
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
