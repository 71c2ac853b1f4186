package vn.trean;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune officer may change the agencies of their own commune only, even when typing
 * the address of another commune's agency into the browser.
 */
@IntegrationTest
class JurisdictionBrowserTests {

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
	JdbcClient jdbc;

	@Test
	void refusesCommuneOfficerOnAnotherCommunesAgencyEditPage() {
		long caiKhe = agencyId("[DEMO] UBND phường Cái Khế");
		chromium.signIn(base(), testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		WebDriver browser = chromium.driver();

		browser.get(base() + "/directory/agencies/" + caiKhe + "/edit");

		assertThat(chromium.find("h1").getText()).isEqualTo(message("error.403.title"));
		assertThat(chromium.find("main").getText()).contains(message("error.403.text"))
			.contains(message("access.refused.jurisdiction"));
		assertThat(browser.getTitle()).isEqualTo(message("error.403.title"));
		assertThat(browser.findElements(By.cssSelector("form input#name"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("[DEMO] UBND phường Cái Khế");
		// the browser does not show the status; without JavaScript the same address
		// answers 403
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		assertThat(agent.get("/directory/agencies/" + caiKhe + "/edit").status()).isEqualTo(403);
	}

	@Test
	void letsCommuneOfficerEditAnAgencyOfTheirOwnCommune() {
		long ninhKieu = agencyId("[DEMO] UBND phường Ninh Kiều");
		chromium.signIn(base(), testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
		WebDriver browser = chromium.driver();

		browser.get(base() + "/directory/agencies/" + ninhKieu + "/edit");

		assertThat(chromium.find("h1").getText()).isEqualTo(message("agencies.edit"));
		assertThat(chromium.find("input#name").getDomProperty("value")).isEqualTo("[DEMO] UBND phường Ninh Kiều");
		assertThat(chromium.find("main form[method=post]").getDomAttribute("action"))
			.isEqualTo("/directory/agencies/" + ninhKieu);
	}

	private long agencyId(String name) {
		return jdbc.sql("SELECT id FROM agency WHERE name = ?").param(name).query(Long.class).single();
	}

	private String message(String key) {
		return messages.getMessage(key, null, VIETNAMESE);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
