package vn.trean.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public form tells the reporter: to keep the reference code, what happens next,
 * the day the report came in and its next step on the status page (and nothing of its
 * content), and the emergency numbers as links a phone can call. Each agent comes from a
 * client address of its own, and each test posts at most twice, so the per-address limits
 * of the public form are never reached.
 */
@IntegrationTest
class PublicReporterGuidanceIntegrationTests {

	private static final String CHILD = "Trần Thị Hoa";

	@LocalServerPort
	int port;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sentPageTellsToWriteTheCodeDownOffersToCopyItAndSaysWhatHappensNext() {
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/report");

		var sent = visitor.post("/report", form(marker()));

		assertThat(sent.status()).isEqualTo(200);
		Document page = Jsoup.parse(sent.body());
		String code = page.getElementById("reference-code").text();
		assertThat(code).matches("[A-Z0-9]{10}");
		assertThat(page.getElementById("reference-keep").text()).startsWith("Hãy ghi lại mã này")
			.contains("Mã chỉ hiện một lần");
		// the copy button waits for the script; without it the code is plain text to
		// select
		Element copy = page.getElementById("copy-code");
		assertThat(copy.hasAttr("hidden")).isTrue();
		assertThat(copy.attr("data-copy")).isEqualTo("reference-code");
		assertThat(copy.text()).isEqualTo("Chép mã");
		assertThat(copy.attr("data-done")).isEqualTo("Đã chép mã tra cứu.");
		// the script by its content-versioned name (/js/copy-code-<hash>.js)
		assertThat(page.select("script[src~=^/js/copy-code-[0-9a-f]+\\.js$]")).hasSize(1);
		assertThat(page.select("script:not([src])")).as("inline scripts, refused by the CSP").isEmpty();
		assertThat(page.select("#next-steps li")).hasSize(3)
			.first()
			.satisfies(step -> assertThat(step.text()).contains("xem và xác minh thông báo"));
		assertThat(page.select("h2").eachText()).contains("Điều gì sẽ xảy ra tiếp theo");
		assertCallable(page);
		assertThat(page.select("a[href$=code=" + code + "]")).hasSize(1);
	}

	@Test
	void sentPageSaysTheSameInEnglish() {
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/report?lang=en");

		var sent = visitor.post("/report", form(marker()));

		Document page = Jsoup.parse(sent.body());
		assertThat(page.getElementById("reference-code").text()).matches("[A-Z0-9]{10}");
		assertThat(page.getElementById("reference-keep").text()).startsWith("Write this code down");
		assertThat(page.getElementById("copy-code").text()).isEqualTo("Copy the code");
		assertThat(page.select("h2").eachText()).contains("What happens next");
		assertThat(page.select("a[href=tel:111]").text()).isEqualTo("Hotline 111");
	}

	@Test
	void copyScriptIsServedToAnyoneFromTheApplicationItself() {
		var script = new TestUserAgent(port).get("/js/copy-code.js");

		assertThat(script.status()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).contains("javascript"));
		assertThat(script.body()).contains("navigator.clipboard").contains("data-copy");
	}

	@Test
	void statusShowsTheDayTheReportCameInAndTheNextStepForEachStatusButNothingOfTheReport() {
		String marker = marker();
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/report");
		String code = Jsoup.parse(visitor.post("/report", form(marker)).body()).getElementById("reference-code").text();
		LocalDate receivedOn = jdbc.sql("SELECT received_at FROM report WHERE reference_code = ?")
			.param(code)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.atZone(Time.ZONE)
			.toLocalDate();

		Document awaiting = status(code, "");
		Document english = status(code, "&lang=en");
		setStatus(code, "RECEIVED");
		Document received = status(code, "");
		setStatus(code, "IN_HANDLING");
		Document handled = status(code, "");
		Document handledInEnglish = status(code, "&lang=en");

		assertThat(awaiting.getElementById("status-received").text()).isEqualTo(String.format("%02d/%02d/%d",
				receivedOn.getDayOfMonth(), receivedOn.getMonthValue(), receivedOn.getYear()));
		assertThat(awaiting.getElementById("status").text()).isEqualTo("Đã tiếp nhận");
		assertThat(awaiting.getElementById("status-next").text())
			.isEqualTo("Cán bộ bảo vệ trẻ em của xã, phường nơi xảy ra sẽ xem và xác minh thông báo.");
		assertThat(english.getElementById("status-received").text()).isEqualTo(receivedOn.getDayOfMonth() + " "
				+ receivedOn.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
				+ receivedOn.getYear());
		assertThat(english.getElementById("status-next").text())
			.startsWith("A child protection officer of the commune");
		assertThat(received.getElementById("status-next").text())
			.startsWith("Thông báo đã được chuyển đến xã, phường nơi xảy ra.");
		assertThat(handled.getElementById("status").text()).isEqualTo("Đang được xử lý");
		assertThat(handled.getElementById("status-next").text()).startsWith("Cán bộ của xã, phường đã nhận thông báo");
		assertThat(handledInEnglish.getElementById("status-next").text()).startsWith("An officer of the commune");
		for (Document page : new Document[] { awaiting, english, received, handled, handledInEnglish }) {
			assertThat(page.text()).doesNotContain(CHILD)
				.doesNotContain(marker)
				.doesNotContain("Cái Khế")
				.doesNotContain("Bạo lực")
				.doesNotContain("Violence");
			assertCallable(page);
		}
	}

	@Test
	void formStatusPageAndUnknownCodeNameTheEmergencyNumbersAsTelephoneLinks() {
		assertCallable(Jsoup.parse(new TestUserAgent(port).get("/report").body()));
		assertCallable(Jsoup.parse(new TestUserAgent(port).get("/report/status").body()));
		Document unknown = status("ZZZZZZZZZZ", "&lang=en");
		assertCallable(unknown);
		assertThat(unknown.getElementById("status-received")).isNull();
		assertThat(unknown.select("a[href=tel:113]").text()).isEqualTo("Police 113");
	}

	private static void assertCallable(Document page) {
		assertThat(page.select("a[href=tel:111]").text()).contains("111");
		assertThat(page.select("a[href=tel:113]").text()).contains("113");
		assertThat(page.select("a[href=tel:18008065]").text()).isEqualTo("1800 8065");
	}

	private Document status(String code, String query) {
		var page = new TestUserAgent(port).get("/report/status?code=" + code + query);
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private void setStatus(String code, String status) {
		jdbc.sql("UPDATE report SET status = ? WHERE reference_code = ?").params(status, code).update();
	}

	private Map<String, String> form(String marker) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("account", "Cháu bé hàng xóm bị bỏ đói nhiều ngày, đêm qua khóc rất lâu. " + marker);
		form.put("placeUnit", Long.toString(testUnits.caiKhe().value()));
		form.put("harmForm", "VIOLENCE");
		form.put("childName", CHILD);
		form.put("childAge", "7");
		form.put("childSex", "FEMALE");
		form.put("contactPhone", "");
		return form;
	}

	private static String marker() {
		return "KT-" + UUID.randomUUID();
	}

}
