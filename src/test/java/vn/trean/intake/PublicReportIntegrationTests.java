package vn.trean.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous public report form: no sign-in, Vietnamese and English, a reference code
 * that shows only the status, the same rules as every channel, escaped output, a limit
 * per client address and CSRF protection. Every test posts from its own client address
 * ({@code X-Forwarded-For} through the loopback proxy) so the limit of one never touches
 * another.
 */
@IntegrationTest
class PublicReportIntegrationTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final Pattern REFERENCE_CODE = Pattern.compile("id=\"reference-code\"[^>]*>([A-Z0-9]{10})<");

	@LocalServerPort
	int port;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeSettings settings;

	@Autowired
	Clock clock;

	@Autowired
	TestAccounts testAccounts;

	private long caiKhe;

	@BeforeEach
	void caiKhe() {
		caiKhe = testUnits.caiKhe().value();
	}

	@Test
	void formOpensWithoutSignInInVietnamese() {
		var page = visitor().get("/report");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"vi\"")
			.contains("Báo tin trẻ em bị xâm hại")
			.contains("Chuyện gì đã xảy ra?")
			.contains("Tổng đài 111")
			.contains("name=\"_csrf\"")
			.contains("value=\"" + caiKhe + "\"")
			.contains("Phường Cái Khế")
			.doesNotContain("Report a child at risk");
	}

	@Test
	void formOpensWithoutSignInInEnglish() {
		var page = visitor().get("/report?lang=en");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"en\"")
			.contains("Report a child at risk")
			.contains("What happened?")
			.contains("Send the report")
			.doesNotContain("Báo tin trẻ em bị xâm hại");
	}

	@Test
	void submittedReportGetsAReferenceCodeAndAwaitsVerificationInTheChosenCommune() {
		String marker = marker();
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		long before = reportRows();

		var sent = visitor.post("/report", form(marker));

		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body()).contains("Đã nhận thông báo");
		String code = referenceCode(sent.body());
		assertThat(reportRows()).isEqualTo(before + 1);
		Map<String, Object> row = jdbc.sql("SELECT * FROM report WHERE reference_code = ?")
			.param(code)
			.query()
			.singleRow();
		assertThat(row).containsEntry("channel", "ONLINE_FORM")
			.containsEntry("status", "AWAITING_VERIFICATION")
			.containsEntry("routed_unit_id", caiKhe)
			.containsEntry("place_unit_id", caiKhe)
			.containsEntry("transfer_out", false)
			.containsEntry("reporter_anonymous", true)
			.containsEntry("harm_forms", "VIOLENCE")
			.containsEntry("contact_type", "HARM")
			.containsEntry("urgency", "NORMAL")
			.containsEntry("account", account(marker));
		assertThat(row.get("reporter_phone")).isNull();
		assertThat(row.get("received_by")).isNull();
		assertThat(row.get("api_token_id")).isNull();
		assertThat(jdbc.sql("SELECT full_name FROM report_child WHERE report_id = ?")
			.param(row.get("id"))
			.query(String.class)
			.list()).containsExactly("Nguyễn Văn Bình");

		var status = visitor().get("/report/status?code=" + code);

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).containsPattern("id=\"status\"[^>]*>Đã tiếp nhận<")
			.doesNotContain(marker)
			.doesNotContain("Nguyễn Văn Bình")
			.doesNotContain("Cái Khế")
			.doesNotContain("VIOLENCE")
			.doesNotContain("Bạo lực");
	}

	@Test
	void statusLookUpsAreLimitedPerClientAddressSoThatCodesCannotBeGuessedQuickly() {
		TestUserAgent guesser = visitor();
		for (int i = 0; i < 30; i++) {
			assertThat(guesser.get("/report/status?code=ZZZZZZ" + String.format("%04d", i)).status()).isEqualTo(200);
		}

		var overLimit = guesser.get("/report/status?code=ZZZZZZ9999");
		var otherClient = visitor().get("/report/status?code=ZZZZZZ9999");

		assertThat(overLimit.status()).isEqualTo(429);
		assertThat(overLimit.body()).contains("Địa chỉ của bạn đã tra cứu quá nhiều lần")
			.doesNotContain("Không tìm thấy thông báo với mã này.");
		assertThat(otherClient.status()).isEqualTo(200);
	}

	@Test
	void statusSaysBeingHandledOnceAnOfficerOfTheCommuneTookTheReportUpAndNothingMore() {
		String marker = marker();
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		String code = referenceCode(visitor.post("/report", form(marker)).body());
		Object id = jdbc.sql("SELECT id FROM report WHERE reference_code = ?").param(code).query().singleValue();
		TestUserAgent officer = new TestUserAgent(port);
		officer.signIn(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		assertThat(officer.get("/intake/reports/" + id).status()).isEqualTo(200);
		assertThat(visitor().get("/report/status?code=" + code).body()).doesNotContain("Đang được xử lý");
		assertThat(officer.post("/intake/reports/" + id + "/take-up", Map.of()).status()).isEqualTo(302);

		var status = visitor().get("/report/status?code=" + code);

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).containsPattern("id=\"status\"[^>]*>Đang được xử lý<")
			.doesNotContain(marker)
			.doesNotContain("Nguyễn Văn Bình")
			.doesNotContain("Cái Khế");
	}

	@Test
	void statusIsFoundWhateverTheCaseOfTheCodeAndShownInEnglish() {
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		String code = referenceCode(visitor.post("/report", form(marker())).body());

		var status = visitor().get("/report/status?lang=en&code=" + code.toLowerCase());

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).containsPattern("id=\"status\"[^>]*>Received<");
	}

	@Test
	void reporterWhoLeavesAPhoneIsNotAnonymousButThePhoneStaysOffTheStatusPage() {
		String marker = marker();
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		Map<String, String> form = form(marker);
		form.put("contactPhone", "0912 345 678");

		String code = referenceCode(visitor.post("/report", form).body());

		Map<String, Object> row = jdbc.sql("SELECT * FROM report WHERE reference_code = ?")
			.param(code)
			.query()
			.singleRow();
		assertThat(row).containsEntry("reporter_anonymous", false)
			.containsEntry("reporter_phone", "+84912345678")
			.containsEntry("reporter_wants_feedback", true);
		var status = visitor().get("/report/status?code=" + code);
		assertThat(status.body()).contains("Đã tiếp nhận")
			.doesNotContain("912")
			.doesNotContain("345 678")
			.doesNotContain(marker);
	}

	@Test
	void dangerSignsMakeAPublicReportAnEmergencyWithTheTwelveHourClock() {
		String marker = marker();
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		List<Map.Entry<String, String>> fields = new ArrayList<>(form(marker).entrySet());
		fields.add(Map.entry("dangerSigns", "WITH_PERPETRATOR_NOW"));
		fields.add(Map.entry("dangerSigns", "INJURIES_NEEDING_CARE"));

		String code = referenceCode(visitor.post("/report", fields).body());

		Map<String, Object> row = jdbc.sql("SELECT * FROM report WHERE reference_code = ?")
			.param(code)
			.query()
			.singleRow();
		assertThat(row).containsEntry("urgency", "EMERGENCY")
			.containsEntry("danger_signs", "INJURIES_NEEDING_CARE,WITH_PERPETRATOR_NOW")
			.containsEntry("status", "AWAITING_VERIFICATION");
		Instant received = ((java.sql.Timestamp) row.get("received_at")).toInstant();
		Instant due = ((java.sql.Timestamp) row.get("emergency_decision_due")).toInstant();
		assertThat(Duration.between(received, due)).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void unknownCodeShowsTheTranslatedNotFoundText() {
		var vietnamese = visitor().get("/report/status?code=ZZZZZZZZZZ");

		assertThat(vietnamese.status()).isEqualTo(200);
		assertThat(vietnamese.body()).contains("Không tìm thấy thông báo với mã này.").doesNotContain("id=\"status\"");

		var english = visitor().get("/report/status?code=ZZZZZZZZZZ&lang=en");

		assertThat(english.status()).isEqualTo(200);
		assertThat(english.body()).contains("No report has this code.").doesNotContain("id=\"status\"");
	}

	@Test
	void statusPageWithoutACodeAsksForOneAndSaysNothingElse() {
		var page = visitor().get("/report/status");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Tình trạng thông báo")
			.doesNotContain("Không tìm thấy")
			.doesNotContain("id=\"status\"");
	}

	@Test
	void missingAccountIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.put("account", "   ");

		assertRefused(form, "account", "Trường này bắt buộc.");
	}

	@Test
	void missingAccountIsRefusedInEnglishAfterTheLanguageSwitch() {
		Map<String, String> form = form(marker());
		form.put("account", "");
		TestUserAgent visitor = visitor();
		visitor.get("/report?lang=en");

		var refused = assertRefused(visitor, form, "account", "This field is required.");

		assertThat(refused.body()).contains("lang=\"en\"");
	}

	@Test
	void missingPlaceIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.put("placeUnit", "");

		assertRefused(form, "placeUnit", "Trường này bắt buộc.");
	}

	@Test
	void placeLeftOutOfTheRequestIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.remove("placeUnit");

		assertRefused(form, "placeUnit", "Trường này bắt buộc.");
	}

	@Test
	void placeNoLongerInForceIsRefusedNextToTheField() {
		long anHoa = testUnits.id("31120", LocalDate.of(2025, 6, 30)).value();
		Map<String, String> form = form(marker());
		form.put("placeUnit", Long.toString(anHoa));

		assertRefused(form, "placeUnit", "Đơn vị hành chính không tồn tại hoặc không còn hiệu lực.");
	}

	@Test
	void missingKindOfHarmIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.remove("harmForm");

		assertRefused(form, "harmForm", "Trường này bắt buộc.");
	}

	@Test
	void childOfSixteenIsRefusedNextToTheAge() {
		Map<String, String> form = form(marker());
		form.put("childAge", "16");

		assertRefused(form, "childAge", "Trẻ em là người dưới 16 tuổi.");
	}

	@Test
	void ageOfSixteenWithoutANameIsRefusedToo() {
		Map<String, String> form = form(marker());
		form.remove("childName");
		form.put("childAge", "16");

		assertRefused(form, "childAge", "Trẻ em là người dưới 16 tuổi.");
	}

	@Test
	void kindOfHarmTheFormDoesNotOfferIsRefused() {
		Map<String, String> form = form(marker());
		form.put("harmForm", "ABDUCTION");

		assertRefused(form, "harmForm", "Giá trị không hợp lệ.");
	}

	@Test
	void aProvinceIsNotAPlaceOnThePublicForm() {
		Map<String, String> form = form(marker());
		form.put("placeUnit", Long.toString(testUnits.canTho().value()));

		assertRefused(form, "placeUnit", "Đơn vị hành chính không tồn tại hoặc không còn hiệu lực.");
	}

	@Test
	void invalidPhoneIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.put("contactPhone", "12345");

		assertRefused(form, "contactPhone", "Số điện thoại không hợp lệ.");
	}

	@Test
	void accountOfOneMegabyteIsRefusedNextToTheField() {
		Map<String, String> form = form(marker());
		form.put("account", "a".repeat(1024 * 1024));

		assertRefused(form, "account", "Nội dung quá dài.");
	}

	@Test
	void nulCharacterInTheAccountIsABadRequestAndNothingIsSaved() {
		Map<String, String> form = form(marker());
		form.put("account", "Cháu bị đánh\u0000 nhiều lần");
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		long before = reportRows();

		var refused = visitor.post("/report", form);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Yêu cầu không hợp lệ");
		assertThat(reportRows()).isEqualTo(before);
	}

	@Test
	void accountAtTheLimitIsAccepted() {
		String marker = marker();
		String account = marker + " " + "\u1ea1".repeat(Intake.MAX_ACCOUNT - marker.length() - 1);
		Map<String, String> form = form(marker);
		form.put("account", account);
		TestUserAgent visitor = visitor();
		visitor.get("/report");

		var sent = visitor.post("/report", form);

		assertThat(sent.status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT account FROM report WHERE reference_code = ?")
			.param(referenceCode(sent.body()))
			.query(String.class)
			.single()).isEqualTo(account);
	}

	@Test
	void scriptInTheAccountIsRefusedAndNeverRenderedUnescaped() {
		String marker = marker();
		String script = "<script>alert('" + marker + "')</script>";
		Map<String, String> form = form(marker);
		form.put("account", "Em bé bị đánh " + script);
		form.put("childName", "<script>alert(1)</script>");
		TestUserAgent visitor = visitor();
		List<TestUserAgent.Response> pages = new ArrayList<>();
		pages.add(visitor.get("/report"));
		long before = reportRows();

		var refused = visitor.post("/report", form);
		pages.add(refused);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt;")
			.contains("Không được chứa thẻ HTML hay mã lệnh (như &lt;script&gt;).");
		assertThat(reportRows()).isEqualTo(before);

		// the status page never echoes markup either
		var sent = visitor.post("/report", form(marker()));
		assertThat(sent.status()).isEqualTo(200);
		String code = referenceCode(sent.body());
		pages.add(visitor.get("/report/status?code=" + code));
		pages.add(visitor.get("/report/status?code=" + "%22%3E%3Cscript%3Ealert(1)%3C/script%3E"));
		pages.add(visitor.get("/report/status?code=" + code + "%3Cscript%3E"));

		assertThat(pages)
			.allSatisfy(page -> assertThat(page.body()).doesNotContainIgnoringCase("<script>").doesNotContain(script));
	}

	@Test
	void sixthPostFromOneAddressWithinTheWindowIsRefusedWhileAnotherAddressGetsThrough() {
		awaitRoomInTheWindow();
		assertThat(settings.publicFormLimit()).isEqualTo(5);
		TestUserAgent busy = visitor();
		busy.get("/report");
		for (int i = 1; i <= 5; i++) {
			var sent = busy.post("/report", form(marker()));
			assertThat(sent.status()).as("post %d", i).isEqualTo(200);
			referenceCode(sent.body());
		}
		long before = reportRows();
		String sixth = marker();

		var refused = busy.post("/report", form(sixth));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("Quá nhiều lần gửi")
			.contains("Tổng đài 111")
			.doesNotContain("reference-code");
		assertThat(reportRows()).isEqualTo(before);
		assertThat(rowsWith(sixth)).isZero();

		busy.get("/report?lang=en");
		var refusedInEnglish = busy.post("/report", form(sixth));
		assertThat(refusedInEnglish.status()).isEqualTo(429);
		assertThat(refusedInEnglish.body()).contains("Too many reports");
		assertThat(rowsWith(sixth)).isZero();

		TestUserAgent other = visitor();
		other.get("/report");
		String elsewhere = marker();
		var accepted = other.post("/report", form(elsewhere));
		assertThat(accepted.status()).isEqualTo(200);
		referenceCode(accepted.body());
		assertThat(rowsWith(elsewhere)).isOne();
	}

	@Test
	void aForwardedForFromAPeerThatIsNoTrustedProxyDoesNotEscapeTheLimit() {
		awaitRoomInTheWindow();
		forgetReportsCountedFromTheLoopbackPeer();
		TestUserAgent spoofing = new TestUserAgent("http://[::1]:" + port);
		spoofing.get("/report");
		for (int i = 1; i <= 5; i++) {
			var sent = spoofing.forwardedFor("203.0.113." + i).post("/report", form(marker()));
			assertThat(sent.status()).as("post %d", i).isEqualTo(200);
		}
		String sixth = marker();

		var refused = spoofing.forwardedFor("203.0.113.6").post("/report", form(sixth));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(rowsWith(sixth)).isZero();
	}

	@Test
	void postWithoutCsrfTokenIsForbiddenAndSavesNothing() {
		String marker = marker();
		TestUserAgent visitor = visitor();
		visitor.get("/report");
		long before = reportRows();

		var refused = visitor.postRaw("/report", form(marker));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(reportRows()).isEqualTo(before);
		assertThat(rowsWith(marker)).isZero();
	}

	private TestUserAgent.Response assertRefused(Map<String, String> form, String field, String message) {
		return assertRefused(visitor(), form, field, message);
	}

	private TestUserAgent.Response assertRefused(TestUserAgent visitor, Map<String, String> form, String field,
			String message) {
		visitor.get("/report");
		long before = reportRows();

		var refused = visitor.post("/report", form);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).containsPattern("id=\"" + field + "-error\"[^>]*>" + Pattern.quote(message) + "<")
			.doesNotContain("reference-code");
		assertThat(reportRows()).isEqualTo(before);
		// a screen reader hears that the form has errors, and each field's error with it
		Document html = Jsoup.parse(refused.body());
		assertThat(html.select("[role=alert]")).hasSize(1);
		Element described = html.selectFirst("[aria-describedby=" + field + "-error]");
		assertThat(described).as("the field described by its error").isNotNull();
		if (!described.tagName().equals("fieldset")) {
			assertThat(described.attr("name")).isEqualTo(field);
			assertThat(described.attr("aria-invalid")).isEqualTo("true");
		}
		assertThat(html.select("[aria-invalid]")).hasSize(html.select(".field-error").size());
		return refused;
	}

	/** A valid report whose account carries the marker, so its row can be found. */
	private Map<String, String> form(String marker) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("account", account(marker));
		form.put("placeUnit", Long.toString(caiKhe));
		form.put("harmForm", "VIOLENCE");
		form.put("childName", "Nguyễn Văn Bình");
		form.put("childAge", "9");
		form.put("childSex", "MALE");
		form.put("contactPhone", "");
		return form;
	}

	private static String account(String marker) {
		return "Cháu bé nhà bên cạnh thường bị bố đánh, tối qua nghe tiếng khóc rất lâu. " + marker;
	}

	private static String marker() {
		return "KT-" + UUID.randomUUID();
	}

	/** A visitor from a client address of its own (TEST-NET-2). */
	private TestUserAgent visitor() {
		int n = ADDRESSES.incrementAndGet();
		return new TestUserAgent(port).forwardedFor("198.51." + (100 + n / 250) + "." + (1 + n % 250));
	}

	private static String referenceCode(String page) {
		Matcher m = REFERENCE_CODE.matcher(page);
		assertThat(m.find()).as("a reference code in the page").isTrue();
		return m.group(1);
	}

	private long reportRows() {
		return jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
	}

	private long rowsWith(String marker) {
		return jdbc.sql("SELECT count(*) FROM report WHERE strpos(account, ?) > 0")
			.param(marker)
			.query(Long.class)
			.single();
	}

	/**
	 * The limit counts in fixed windows; waits for the next one when the current one ends
	 * within 5 s (the few posts of a test take well under a second), so all posts of a
	 * test fall into one window.
	 */
	/**
	 * Other test classes (the browser ones) post the public form from the loopback peer
	 * [::1] too; this test needs that peer's window to start empty.
	 */
	private void forgetReportsCountedFromTheLoopbackPeer() {
		jdbc.sql("DELETE FROM rate_limit_window WHERE bucket IN ('public-report:0:0:0:0:0:0:0:1', 'public-report:::1')")
			.update();
	}

	private void awaitRoomInTheWindow() {
		long window = settings.publicFormWindow().toMillis();
		long left = window - clock.millis() % window;
		if (left < 5_000) {
			try {
				Thread.sleep(left + 100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
