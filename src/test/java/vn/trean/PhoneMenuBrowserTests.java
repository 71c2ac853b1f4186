package vn.trean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360 px phone the navigation folds behind one menu button, so a page starts with
 * its content; the button opens and closes it and says which it is.
 */
@IntegrationTest
class PhoneMenuBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void theMenuOpensAndClosesWithItsButtonAndTheHeaderStaysSmallWhileClosed() {
		String base = "http://localhost:" + port;
		chromium.signIn(base, testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		WebElement button = chromium.find("#menu-button");
		WebElement nav = chromium.find("#site-nav");
		chromium.waiting().until(ExpectedConditions.visibilityOf(button));

		// a report routed to the province meanwhile by another test adds an unread badge
		assertThat(button.findElement(By.cssSelector("span")).getText()).isEqualTo("Trình đơn");
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(nav.isDisplayed()).isFalse();
		assertThat(chromium.find("header.top").getSize().getHeight()).as("header height, menu closed").isLessThan(120);
		assertThat(button.getSize().getHeight()).as("touch target").isGreaterThanOrEqualTo(24);

		button.click();
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(nav.isDisplayed()).isTrue();
		WebElement cases = nav.findElement(By.cssSelector("a[href$='/cases']"));
		assertThat(cases.isDisplayed()).isTrue();
		assertThat(cases.getSize().getHeight()).as("a link's touch target").isGreaterThanOrEqualTo(24);

		button.click();
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(nav.isDisplayed()).isFalse();
	}

}
