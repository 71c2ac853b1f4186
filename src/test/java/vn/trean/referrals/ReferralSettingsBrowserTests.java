package vn.trean.referrals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.Chromium;
import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator on a 360 px phone: every settings page fits the screen, and ticking a
 * field then asking for the preview shows it in what the sector's agencies would see,
 * without saving it.
 */
@IntegrationTest
class ReferralSettingsBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	ReferralSettings settings;

	@Test
	void anAdministratorPreviewsAFieldSetOnAPhoneWithoutSavingIt() {
		String base = "http://localhost:" + port;
		chromium.signIn(base, testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		WebDriver browser = chromium.driver();
		for (String page : List.of("/referrals/settings/services", "/referrals/settings/services/SCHOOL_SUPPORT",
				"/referrals/settings/fields", "/referrals/settings/fields/SCHOOL")) {
			browser.get(base + page);
			assertThat(chromium.scrollWidth()).as(page).isLessThanOrEqualTo(chromium.viewportWidth());
		}
		assertThat(browser.findElements(By.cssSelector("#preview dd[data-field=ACCOUNT]"))).isEmpty();

		chromium.find("label[for=fields-ACCOUNT]").click();
		chromium.find("button[formaction*='/referrals/settings/fields/preview']").click();

		chromium.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview dd[data-field=ACCOUNT]")));
		assertThat(chromium.find("#fields-ACCOUNT").isSelected()).isTrue();
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());
		assertThat(settings.fieldSets().of(vn.trean.directory.Sector.SCHOOL)).doesNotContain(ShareField.ACCOUNT);
	}

}
