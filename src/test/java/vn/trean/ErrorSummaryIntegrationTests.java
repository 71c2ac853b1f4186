package vn.trean;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.cases.CaseId;
import vn.trean.cases.TestCases;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form, on whichever page it is, starts its main content with the GOV.UK error
 * summary: focusable, announced, one link per field that leads to an element of the same
 * page (the field, its label, or the message of an error no one control stands for), the
 * page's title starting with "Lỗi:", and each field in error marked invalid and described
 * by its message. A page with nothing refused has no summary.
 */
@IntegrationTest
class ErrorSummaryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedReportListsEachErrorWithALinkToItsField() {
		TestUserAgent operator = signedIn(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		operator.get("/intake/reports/new");

		var refused = operator.post("/intake/reports", Map.of("step", "save", "channel", "HOTLINE_111", "contactType",
				"HARM", "children[0].fullName", "", "account", ""));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).contains("account", "harmForms");
		assertThat(page.getElementById("account").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("input[name=harmForms]").eachAttr("aria-invalid")).containsOnly("true");
	}

	@Test
	void aRefusedPublicReportLeadsToThePublicFormsOwnFields() {
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/report");

		var refused = visitor.post("/report", Map.of("account", "", "childName", "x".repeat(201)));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).contains("account", "childName").doesNotContain("children[0].fullName");
	}

	@Test
	void aRefusedUserListsItsFieldsAndTheEnglishTitleSaysError() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		admin.get("/admin/users/new?lang=en");

		var refused = admin.post("/admin/users", Map.of("username", "", "displayName", "", "jurisdiction",
				String.valueOf(testUnits.caiKhe().value()), "password", "x"));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertSummaryLeadsToEachField(page, "Error: ");
		assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo("There is a problem");
		assertThat(linkTargets(page)).contains("username", "displayName");
		assertThat(page.getElementById("username").attr("aria-describedby")).contains("username-error");
	}

	@Test
	void aRefusedRegisterRecordListsItsFields() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		manager.get("/registers/workforce");

		var refused = manager.post("/registers/workforce",
				Map.of("unit", testUnits.caiKhe().toString(), "fullName", "", "role", "COMMUNE_OFFICER", "agency", ""));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).contains("fullName", "sex");
		assertThat(page.select("input[name=sex]").eachAttr("aria-invalid")).containsOnly("true");
	}

	@Test
	void aRefusedFigureOfAPlanLeadsToTheLabelOfTheFormThatFailed() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long plan = jdbc.sql("SELECT id FROM plan WHERE number = '55/KH-UBND'").query(Long.class).single();
		manager.get("/plans/" + plan + "/indicators/1.2");

		var refused = manager.post("/plans/" + plan + "/indicators/1.2/denominators",
				Map.of("unit", testUnits.caiKhe().toString(), "year", "2022", "value", "-3"));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).containsExactly("value");
		assertThat(page.getElementById("value").attr("for")).isEqualTo("denominator-value");
		assertThat(page.getElementById("target-value").hasAttr("aria-invalid")).as("the form that did not fail")
			.isFalse();

		var schedule = manager.post("/plans/" + plan + "/reports/schedule", Map.of("sixMonthly", "-3", "yearly", "31"));
		assertThat(schedule.status()).isEqualTo(422);
		assertSummaryLeadsToEachField(Jsoup.parse(schedule.body()), "Lỗi: ");
	}

	@Test
	void aRefusedCaseStepLeadsToTheFieldOfThatStepAndARefusedStepSaysWhy() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		CaseId caseId = aCase();
		TestUserAgent agent = signedIn(officer);
		String version = String.valueOf(testCases.version(caseId));

		var tooLong = agent.post("/cases/" + caseId + "/notes",
				Map.of("version", version, "text", "x".repeat(10_001), "visibility", "CASE_TEAM"));

		assertThat(tooLong.status()).isEqualTo(422);
		Document page = Jsoup.parse(tooLong.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).containsExactly("text");
		assertThat(page.getElementById("text").attr("for")).isEqualTo("note-text");
		assertThat(page.select("textarea[aria-invalid=true]").eachAttr("id")).containsExactly("note-text");

		var outOfOrder = agent.post("/cases/" + caseId + "/steps/SUBMIT_PLAN", Map.of("version", version));

		assertThat(outOfOrder.status()).isEqualTo(409);
		Document refused = Jsoup.parse(outOfOrder.body());
		assertThat(refused.title()).startsWith("Lỗi: ");
		assertThat(refused.selectFirst("main > .error-summary li").text()).isNotBlank().doesNotContain("{0}");
	}

	@Test
	void aRefusedSignInHeadsThePageWithTheSummaryAndAWrongCodeLeadsToItsField() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		TestUserAgent visitor = new TestUserAgent(port);
		visitor.get("/login");
		var refused = visitor.post("/login", Map.of("username", username, "password", "not-the-password"));
		Document login = Jsoup.parse(visitor.get(refused.location()).body());
		assertThat(login.title()).startsWith("Lỗi: ");
		assertThat(login.selectFirst("main > .error-summary").text())
			.contains(login.getElementById("login-error").selectFirst("p").text());
		assertThat(login.select("[role=alert]")).hasSize(1);

		// the right password, then the code of another secret
		var wrongCode = new TestUserAgent(port).signIn(username, TestAccounts.PASSWORD, "JBSWY3DPEHPK3PXP");
		assertThat(wrongCode.status()).isEqualTo(422);
		Document wrong = Jsoup.parse(wrongCode.body());
		assertSummaryLeadsToEachField(wrong, "Lỗi: ");
		assertThat(wrong.getElementById("code").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void anUnknownReferenceCodeOnThePublicStatusPageLeadsToTheCodeField() {
		TestUserAgent visitor = new TestUserAgent(port);

		Document page = Jsoup.parse(visitor.get("/report/status?code=ZZZZZZZZZZ").body());

		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(page.selectFirst("main > .error-summary a").attr("href")).isEqualTo("#code");
		assertThat(page.select("[role=alert]")).hasSize(1);
	}

	@Test
	void aRefusedFileImportListsEachProblemInThePagesOwnSummaryLinkedToTheFileField() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long plan = jdbc.sql("SELECT id FROM plan WHERE number = '55/KH-UBND'").query(Long.class).single();
		Element form = Jsoup.parse(manager.get("/plans/" + plan + "/import").body())
			.selectFirst("#targets form[enctype]");

		var refused = manager.postMultipart(form.attr("action"), Map.of(), new TestUserAgent.FilePart("file",
				"chi-tieu.csv", "text/csv", "unit_code,year\r\nxx,20x\r\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(refused.status()).isEqualTo(422);
		assertOwnSummaryLeadsToTheTargetsFile(Jsoup.parse(refused.body()));
	}

	@Test
	void aFileLargerThanTheServerReadsShowsTheImportPageAgainWithItsSummary() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		long plan = jdbc.sql("SELECT id FROM plan WHERE number = '55/KH-UBND'").query(Long.class).single();
		Element form = Jsoup.parse(manager.get("/plans/" + plan + "/import").body())
			.selectFirst("#targets form[enctype]");

		var refused = manager.postMultipart(form.attr("action"), Map.of(),
				new TestUserAgent.FilePart("file", "chi-tieu.csv", "text/csv", new byte[13 * 1024 * 1024]));

		assertThat(refused.status()).isEqualTo(413);
		Document page = Jsoup.parse(refused.body());
		assertOwnSummaryLeadsToTheTargetsFile(page);
		assertThat(page.selectFirst("#import-errors li").text())
			.isEqualTo("Tệp lớn hơn mức máy chủ nhận nên không được nhận; không có gì được lưu.");
		assertThat(page.selectFirst("h1").text()).isEqualTo(page.title().substring("Lỗi: ".length()));
	}

	@Test
	void aRefusedAttachmentLeadsToTheFileFieldWhateverRefusedIt() {
		String officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		CaseId caseId = aCase();
		TestUserAgent agent = signedIn(officer);

		for (byte[] content : List.of("MZ not a document".getBytes(StandardCharsets.US_ASCII),
				new byte[13 * 1024 * 1024])) {
			Element form = Jsoup.parse(agent.get("/cases/" + caseId).body()).selectFirst("#attachment-form");
			var refused = agent.postMultipart(form.attr("action"),
					Map.of("version", form.selectFirst("input[name=version]").val(), "visibility", "CASE_TEAM"),
					new TestUserAgent.FilePart("file", "bien-ban.pdf", "application/pdf", content));

			assertThat(refused.status()).isIn(413, 422);
			Document page = Jsoup.parse(refused.body());
			assertSummaryLeadsToEachField(page, "Lỗi: ");
			assertThat(linkTargets(page)).containsExactly("file");
			assertThat(page.getElementById("attachment-file").attr("aria-invalid")).isEqualTo("true");
			assertThat(page.select("[role=alert]")).as("the summary alone is announced").hasSize(1);
		}
	}

	@Test
	void aRefusedPasswordResetLeadsToThePasswordFieldOfTheFormThatSentIt() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		String user = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE);
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(user).query(Long.class).single();
		admin.get("/admin/users/" + id);

		var refused = admin.post("/admin/users/" + id + "/password", Map.of("password", "password1234"));

		assertThat(refused.status()).isEqualTo(302);
		Document page = Jsoup.parse(admin.get(refused.location()).body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).containsExactly("new-password");
		assertThat(page.getElementById("reset-password").hasAttr("aria-invalid")).as("the other form").isFalse();
		assertThat(Jsoup.parse(admin.get("/admin/users/" + id).body()).select(".error-summary")).as("shown once")
			.isEmpty();
	}

	@Test
	void aWrongCodeWhileEnrollingTheSecondFactorLeadsToTheCodeField() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.CAI_KHE, null, false);
		TestUserAgent agent = new TestUserAgent(port);
		agent.get("/login");
		assertThat(agent.post("/login", Map.of("username", username, "password", TestAccounts.PASSWORD)).location())
			.endsWith("/account/second-factor/enrol");
		agent.get("/account/second-factor/enrol");

		var wrong = agent.post("/account/second-factor/enrol", Map.of("code", "000000"));

		assertThat(wrong.status()).isEqualTo(422);
		Document page = Jsoup.parse(wrong.body());
		assertSummaryLeadsToEachField(page, "Lỗi: ");
		assertThat(linkTargets(page)).containsExactly("code");
	}

	@Test
	void aPageWithNothingRefusedHasNoSummary() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		Document page = Jsoup.parse(admin.get("/admin/users/new").body());

		assertThat(page.select(".error-summary")).isEmpty();
		assertThat(page.title()).doesNotStartWith("Lỗi");
		assertThat(page.select("[aria-invalid]")).isEmpty();
	}

	/**
	 * The summary first in the main content, and each of its links leads to an element of
	 * the page whose control is marked invalid and described by the field's message.
	 */
	private static void assertSummaryLeadsToEachField(Document page, String titlePrefix) {
		assertThat(page.title()).startsWith(titlePrefix);
		Element summary = page.selectFirst("main > .error-summary");
		assertThat(summary).as("the error summary").isNotNull();
		assertThat(summary.elementSiblingIndex()).as("first in the main content").isZero();
		assertThat(summary.attr("role")).isEqualTo("alert");
		assertThat(summary.attr("tabindex")).isEqualTo("-1");
		assertThat(page.select("[role=alert]")).as("the summary alone is announced").containsExactly(summary);
		assertThat(summary.select("a")).as("one link per field").isNotEmpty();
		for (Element link : summary.select("a")) {
			String field = link.attr("href").substring(1);
			Element target = page.getElementById(field);
			assertThat(target).as("the element %s links to", field).isNotNull();
			assertThat(link.text()).isEqualTo(page.getElementById(field + "-error").text());
			for (Element control : controlsOf(page, target)) {
				assertThat(control.attr("aria-invalid")).as("%s marked invalid", field).isEqualTo("true");
				assertThat(control.attr("aria-describedby").split(" ")).as("%s described", field)
					.contains(field + "-error");
			}
		}
	}

	/**
	 * The import page's own summary (a file's problems by line and column) first in the
	 * main content, every link leading to the targets' file field, which is marked
	 * invalid and described by the summary.
	 */
	private static void assertOwnSummaryLeadsToTheTargetsFile(Document page) {
		assertThat(page.title()).startsWith("Lỗi: ");
		Element summary = page.selectFirst("main > .error-summary");
		assertThat(summary).as("the error summary").isNotNull();
		assertThat(summary.id()).isEqualTo("import-errors");
		assertThat(summary.elementSiblingIndex()).as("first in the main content").isZero();
		assertThat(summary.attr("tabindex")).isEqualTo("-1");
		assertThat(page.select("[role=alert]")).as("the summary alone is announced").containsExactly(summary);
		assertThat(summary.select("li a")).isNotEmpty();
		assertThat(summary.select("li a").eachAttr("href")).containsOnly("#targets-file");
		assertThat(page.getElementById("targets-file").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("targets-file").attr("aria-describedby").split(" ")).contains("import-errors");
		assertThat(page.select(".error-summary")).as("one summary").hasSize(1);
	}

	/** The controls an element of the summary's links stands for (none for a message). */
	private static List<Element> controlsOf(Document page, Element target) {
		return switch (target.tagName()) {
			case "label" -> List.of(page.getElementById(target.attr("for")));
			case "fieldset" -> target.select("input[type=checkbox],input[type=radio]");
			case "input", "select", "textarea" -> List.of(target);
			default -> List.of();
		};
	}

	private static List<String> linkTargets(Document page) {
		return page.select("main > .error-summary a").eachAttr("href").stream().map(h -> h.substring(1)).toList();
	}

	private CaseId aCase() {
		var operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		var receipt = intake.record(operator,
				ReportDrafts.at(testUnits.caiKhe())
					.withChild("Lê Thị Thu", 10)
					.withHarm(HarmForm.VIOLENCE)
					.withAccount("Trẻ bị đánh.")
					.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
					.build());
		return testCases.caseOf(receipt);
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).location()).endsWith("/");
		return agent;
	}

}
