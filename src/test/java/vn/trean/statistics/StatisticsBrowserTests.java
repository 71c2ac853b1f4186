package vn.trean.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.Chromium;
import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.cases.CaseId;
import vn.trean.cases.CaseWorkflow;
import vn.trean.cases.TestCases;
import vn.trean.cases.TestCommune;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.ReportDraft;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official table in a real browser at phone width: a provincial manager opens the
 * city's half-year 0101 table, opens one figure to the cases behind it and exports the
 * table as a workbook; a statistician sees the same table without links, a commune's
 * small figures hidden, and is refused the figure's records by their address.
 */
@IntegrationTest
class StatisticsBrowserTests {

	/**
	 * Phường Phước Thới: a commune no other test reports in, so its figures are this
	 * test's.
	 */
	private static final String PHUOC_THOI = "31162";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestCommune commune;

	@Autowired
	TestCases testCases;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestUnits units;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerDrillsIntoAFigureAndExportsItAStatisticianSeesSmallFiguresHiddenAndCannotDrill() {
		List<CaseId> cases = twoBoysAbusedInPhuocThoi();
		String period = StatisticsPeriod.halfYearOf(LocalDate.now(Time.ZONE)).code();
		String table = "/statistics/tables/0101?period=" + period + "&unit=" + TestUnits.CAN_THO;
		String cell = "/statistics/tables/0101/cells/0101/M_11_15?period=" + period + "&unit=" + TestUnits.CAN_THO;

		chromium.signIn(base(), accounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		chromium.driver().get(base() + "/statistics");
		new Select(chromium.find("#table")).selectByValue("0101");
		new Select(chromium.find("#kind")).selectByValue("HALF_YEAR");
		WebElement year = chromium.find("#year");
		year.clear();
		year.sendKeys(period.substring(0, 4));
		new Select(chromium.find("#half")).selectByValue(period.substring(6));
		new Select(chromium.find("#unit")).selectByValue(TestUnits.CAN_THO);
		chromium.find("#statistics-form button[type=submit]").click();
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("statistics-table")));
		assertThat(chromium.driver().getCurrentUrl()).endsWith(table);
		assertThat(chromium.find("#statistics-caption").getText()).contains(period.substring(0, 4));
		chromium.find("a[href^='/statistics/tables/0101/cells/0101/M_11_15']").click();
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cell-records")));
		String listed = chromium.find("#cell-records").getText();
		for (CaseId id : cases) {
			assertThat(listed).contains(testCases.reference(id));
		}
		assertThat(chromium.scrollWidth()).isLessThanOrEqualTo(chromium.viewportWidth());

		chromium.driver().get(base() + table);
		chromium.find("#export-table").click();
		chromium.find("#format-XLSX").click();
		chromium.find("#statistics-export button[type=submit]").click();
		chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
		byte[] workbook = download(chromium.find("#export-download").getAttribute("href"));
		assertThat(new String(workbook, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");

		chromium.signIn(base(), accounts.create(Role.STATISTICIAN, TestUnits.CAN_THO));
		chromium.driver().get(base() + table);
		assertThat(chromium.driver().findElements(By.cssSelector("#statistics-table a[href*='/cells/']"))).isEmpty();
		chromium.driver().get(base() + "/statistics/tables/0101?period=" + period + "&unit=" + PHUOC_THOI);
		assertThat(chromium.find("#suppression-legend").isDisplayed()).isTrue();
		assertThat(chromium.driver().findElements(By.cssSelector("#statistics-table abbr"))).isNotEmpty();
		chromium.driver().get(base() + cell);
		assertThat(chromium.driver().findElements(By.id("cell-records"))).isEmpty();
		assertThat(chromium.driver().getPageSource()).doesNotContain(testCases.reference(cases.get(0)));
	}

	/**
	 * Two boys of fourteen whose harm Phước Thới's officer confirmed, in the read model.
	 */
	private List<CaseId> twoBoysAbusedInPhuocThoi() {
		Actor officer = Actor.of(testCases.user(accounts.create(Role.COMMUNE_OFFICER, PHUOC_THOI)), "127.0.0.1");
		List<CaseId> cases = new ArrayList<>();
		for (String name : List.of("Phạm Minh Quân", "Võ Thành Long")) {
			ReportDraft draft = vn.trean.ReportDrafts.at(units.id(PHUOC_THOI))
				.withChild(
						new ReportDraft.ChildEntry(name + " " + System.nanoTime() % 100_000, vn.trean.children.Sex.MALE,
								null, 14, null, units.id(PHUOC_THOI).value(), null, null, null, ReportDraft.NEW_CHILD))
				.withHarm(HarmForm.VIOLENCE)
				.build();
			cases.add(commune.harmConfirmed(draft, officer, "Có dấu hiệu bị bạo lực"));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM stat_abused_child WHERE case_id = ANY(:ids)")
				.param("ids", cases.stream().map(CaseId::value).toArray(java.util.UUID[]::new))
				.query(Long.class)
				.single() == 2);
		return cases;
	}

	/** Fetches a file with the browser's own session, as its download link would. */
	private byte[] download(String path) {
		Object base64 = ((JavascriptExecutor) chromium.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
				  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
				});""", path);
		return Base64.getDecoder().decode((String) base64);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
