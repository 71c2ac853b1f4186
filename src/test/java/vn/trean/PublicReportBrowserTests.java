package vn.trean;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reporter in a real browser: after sending the form, the button the script
 * shows copies the reference code, and says so to a screen reader.
 */
@IntegrationTest
class PublicReportBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Test
	void reporterCopiesTheReferenceCodeWithTheButtonTheScriptShows() {
		ChromeDriver browser = (ChromeDriver) chromium.driver();
		browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", base(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		browser.get(base() + "/report");
		chromium.find("#account").sendKeys("Cháu bé bên nhà hàng xóm bị đánh nhiều lần, tối qua lại khóc rất lâu.");
		new Select(chromium.find("#harmForm")).selectByValue("VIOLENCE");
		new Select(chromium.find("#placeUnit")).selectByVisibleText("Phường Cái Khế");
		chromium.find("main form button[type=submit]").click();

		String code = chromium.find("#reference-code").getText();
		WebElement copy = chromium.find("#copy-code");
		assertThat(code).matches("[A-Z0-9]{10}");
		chromium.waiting().until(driver -> copy.isDisplayed());
		copy.click();

		chromium.waiting().until(driver -> !chromium.find("#copy-done").getText().isEmpty());
		assertThat(chromium.find("#copy-done").getText()).isEqualTo("Đã chép mã tra cứu.");
		Object copied = ((JavascriptExecutor) browser)
			.executeAsyncScript("navigator.clipboard.readText().then(arguments[0], () => arguments[0](null))");
		assertThat(copied).isEqualTo(code);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
