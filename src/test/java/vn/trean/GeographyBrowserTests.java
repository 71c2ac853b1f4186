package vn.trean;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing and searching the administrative units on a 360 px phone screen, in a real
 * browser.
 */
@IntegrationTest
class GeographyBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void browsesFromTheProvincesToCanThoAndSeesItsCommunes() {
		signIn();
		WebDriver browser = chromium.driver();
		browser.get(base() + "/geography");
		assertFitsTheScreen("/geography");

		browser.findElement(By.linkText("Thành phố Cần Thơ")).click();
		chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thành phố Cần Thơ"));

		WebElement communes = browser.findElement(By.xpath("//section[h2[contains(., 'đơn vị trực thuộc')]]"));
		assertThat(communes.findElement(By.tagName("h2")).getText()).startsWith("103 đơn vị trực thuộc");
		List<String> names = communes.findElements(By.cssSelector("li > a")).stream().map(WebElement::getText).toList();
		assertThat(names).hasSize(103)
			.doesNotHaveDuplicates()
			.contains("Phường Cái Khế", "Phường Ninh Kiều", "Xã Hòa Tú");
		assertFitsTheScreen("the page of Thành phố Cần Thơ");
	}

	@Test
	void liveSearchFindsACommuneTypedWithoutDiacritics() {
		signIn();
		WebDriver browser = chromium.driver();
		browser.get(base() + "/geography/search");
		chromium.script("window.sameDocument = true");

		chromium.find("#q").sendKeys("hoa tu");
		chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Xã Hòa Tú"));

		assertThat(chromium.script("return window.sameDocument === true")).as("results arrived without a page load")
			.isEqualTo(true);
		assertThat(resultNames()).contains("Xã Hòa Tú");
		chromium.waiting().until(ExpectedConditions.urlMatches("[?&]q=hoa(\\+|%20)tu"));
		assertFitsTheScreen("the search page with results");
	}

	@Test
	void searchInCapitalsWithoutDiacriticsFindsBinhThuyAndShowsItsOtherSpelling() {
		signIn();
		chromium.driver().get(base() + "/geography/search");

		chromium.find("#q").sendKeys("THUY");
		chromium.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Phường Bình Thủy"));

		WebElement binhThuy = chromium.find("#results")
			.findElements(By.tagName("li"))
			.stream()
			.filter(li -> li.findElement(By.tagName("a")).getText().equals("Phường Bình Thủy"))
			.findFirst()
			.orElseThrow();
		assertThat(binhThuy.getText()).contains("31168").contains("Bình Thuỷ");
		assertThat(resultNames()).contains("Xã Vị Thủy");
		assertFitsTheScreen("the search page with results");
	}

	@Test
	void sidewaysScrollingIsMeasured() {
		// the width check above must be able to fail: content wider than the phone is
		// seen
		chromium.driver().get(base() + "/login");
		assertFitsTheScreen("/login");
		chromium.script("var wide = document.createElement('div'); wide.style.width = '600px';"
				+ " wide.style.height = '1px'; document.body.appendChild(wide);");
		assertThat(chromium.scrollWidth()).isGreaterThan(Chromium.WIDTH);
	}

	private List<String> resultNames() {
		return chromium.find("#results")
			.findElements(By.cssSelector("li > a"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private void assertFitsTheScreen(String page) {
		assertThat(chromium.viewportWidth()).as("viewport width").isEqualTo(Chromium.WIDTH);
		assertThat(chromium.scrollWidth()).as("width of " + page + " (more means scrolling sideways)")
			.isLessThanOrEqualTo(Chromium.WIDTH);
	}

	private void signIn() {
		chromium.signIn(base(), testAccounts.create(Role.COMMUNE_OFFICER, "31135"));
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
