package vn.trean.cases;

import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import vn.trean.Chromium;
import vn.trean.IntegrationTest;
import vn.trean.identity.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trean.TestPdfs.text;

/**
 * The support plan in a real browser at phone width: an officer adds three measures to
 * Mẫu 04 with the form's own buttons, saves it, and the printed Mẫu 04 lists all three.
 */
@IntegrationTest
class SupportPlanBrowserTests extends SupportPlanFormFixture {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void anOfficerAddsThreeMeasuresAndThePrintedPlanListsThemAll() {
		CaseId id = inPlanning("Lâm Gia Hân");
		String colleague = commune.officer();
		String base = "http://localhost:" + port;
		chromium.signIn(base, colleague);
		chromium.driver().get(base + "/cases/" + id.value() + "/forms/plan");
		chromium.find("#goals").sendKeys("Trẻ an toàn, đi học lại.");

		measure(0, "MEDICAL_CARE", "Bệnh viện Nhi đồng", 0, 14);
		chromium.find("button[name=edit][value=add]").click();
		measure(1, "PSYCHOLOGICAL_THERAPY", "Chị Lan, tư vấn viên", 1, 60);
		chromium.find("button[name=edit][value=add]").click();
		measure(2, "LEGAL_AID", "Luật sư Minh", 2, 90);
		assertThat(chromium.driver().findElements(org.openqa.selenium.By.cssSelector("fieldset[id^=measure-row-]")))
			.hasSize(3);
		chromium.find("#save-form").click();
		chromium.find(".flash");

		String printed = text(download("/cases/" + id.value() + "/print/04"));
		assertThat(printed).contains("Chăm sóc y tế", "Bệnh viện Nhi đồng", "Trị liệu tâm lý", "Chị Lan, tư vấn viên",
				"Trợ giúp pháp lý", "Luật sư Minh");
	}

	@Test
	void enterInAMeasuresFieldSavesThePlanAsTheSaveButtonDoes() {
		CaseId id = inPlanning("Tô Minh Khang");
		String colleague = commune.officer();
		String base = "http://localhost:" + port;
		chromium.signIn(base, colleague);
		chromium.driver().get(base + "/cases/" + id.value() + "/forms/plan");
		chromium.find("#goals").sendKeys("Trẻ an toàn.");
		measure(0, "MEDICAL_CARE", "Trạm y tế phường", 0, 14);

		chromium.find("#responsible-0").sendKeys(Keys.ENTER);

		chromium.find(".flash");
		assertThat(cases.open(Actor.of(officer, "ip"), id).forms().plan().data().measures())
			.extracting(SupportPlan.PlannedMeasure::responsible)
			.containsExactly("Trạm y tế phường");
	}

	private void measure(int row, String measure, String responsible, int fromDays, int untilDays) {
		new Select(chromium.find("#measure-" + row)).selectByValue(measure);
		WebElement person = chromium.find("#responsible-" + row);
		person.clear();
		person.sendKeys(responsible);
		date("#start-" + row, today().plusDays(fromDays));
		date("#end-" + row, today().plusDays(untilDays));
	}

	private void date(String css, LocalDate day) {
		chromium.script("arguments[0].value = arguments[1]", chromium.find(css), day.toString());
	}

	/** Fetches a file with the browser's own session, as its print link would. */
	private byte[] download(String path) {
		Object base64 = ((JavascriptExecutor) chromium.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
				  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
				});""", path);
		return Base64.getDecoder().decode((String) base64);
	}

}
