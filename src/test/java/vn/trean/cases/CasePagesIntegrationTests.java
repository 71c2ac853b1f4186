package vn.trean.cases;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case pages over HTTP: the lists, the case file, the forms with bad input answered
 * by a translated error and nothing saved, steps out of order refused with a message,
 * direct URLs into another commune's case refused, and the deadline settings.
 */
@IntegrationTest
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	UnitId caiKhe;

	String officer;

	CaseId caseId;

	@BeforeEach
	void aCase() {
		caiKhe = testUnits.caiKhe();
		officer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(caiKhe)
					.withChild("Châu Ngọc Bích", 9)
					.withHarm(HarmForm.VIOLENCE)
					.withPerpetratorAccess()
					.withAccount("Trẻ bị đánh.")
					.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
					.build());
		caseId = testCases.caseOf(receipt);
	}

	@Test
	void theOfficerSeesTheCaseInTheListsAndOpensItsFile() {
		TestUserAgent agent = signedIn(officer);

		assertThat(agent.get("/cases").status()).isEqualTo(200);
		Document all = Jsoup.parse(agent.get("/cases/all").body());
		assertThat(all.select("a[href=/cases/" + caseId + "]")).isNotEmpty();
		assertThat(agent.get("/cases/overdue").status()).isEqualTo(200);

		Document file = Jsoup.parse(agent.get("/cases/" + caseId).body());
		assertThat(file.selectFirst("#case-status").text()).isEqualTo(message("case-status.RECEIVED"));
		assertThat(file.select("#clocks tr[data-step=EMERGENCY_DECISION]")).hasSize(1);
		assertThat(file.text()).contains("Châu Ngọc Bích");
		assertThat(file.selectFirst("#step-START_VERIFICATION")).isNotNull();
	}

	@Test
	void theOfficerVerifiesAndRecordsTheInitialAssessmentThroughTheForms() {
		TestUserAgent agent = signedIn(officer);
		assertThat(agent.post("/cases/" + caseId + "/steps/START_VERIFICATION", Map.of("version", version())).status())
			.isEqualTo(302);
		assertThat(agent
			.post("/cases/" + caseId + "/steps/CONFIRM_HARM",
					Map.of("version", version(), "text", "Có vết bầm trên tay."))
			.status()).isEqualTo(302);
		assertThat(agent.get("/cases/" + caseId + "/forms/initial-assessment").status()).isEqualTo(200);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", version());
		RiskItem[] items = RiskItem.values();
		for (int i = 0; i < items.length; i++) {
			form.put("items[" + i + "].item", items[i].name());
			form.put("items[" + i + "].rating", "HIGH");
			form.put("items[" + i + "].description", "Mô tả " + i);
		}
		form.put("summary", "Nguy cơ cao.");
		var saved = agent.post("/cases/" + caseId + "/forms/initial-assessment", form);

		assertThat(saved.status()).isEqualTo(302);
		assertThat(status()).isEqualTo("NEEDS_ASSESSMENT");
		assertThat(jdbc.sql("SELECT data->>'summary' FROM case_form WHERE case_id = ? AND form = 'INITIAL_ASSESSMENT'")
			.param(caseId.value())
			.query(String.class)
			.single()).isEqualTo("Nguy cơ cao.");
	}

	@Test
	void aFormWithMissingAndUnconvertibleFieldsIsAnsweredWithTranslatedErrorsAndNothingSaved() {
		TestUserAgent agent = signedIn(officer);
		agent.post("/cases/" + caseId + "/steps/CONFIRM_HARM", Map.of("version", version(), "text", "Có."));
		String before = version();

		var response = agent.post("/cases/" + caseId + "/forms/initial-assessment",
				Map.of("version", before, "items[0].item", "CURRENT_HARM", "items[0].rating", "VERY_HIGH", "summary",
						"<script>alert(1)</script>"));

		assertThat(response.status()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".field-error").eachText()).contains(message("validation.invalid"));
		assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
		assertThat(version()).isEqualTo(before);
		assertThat(forms()).isZero();
	}

	@Test
	void aStepOutOfOrderIsRefusedWithAMessageNamingTheState() {
		TestUserAgent agent = signedIn(officer);

		var response = agent.post("/cases/" + caseId + "/steps/SUBMIT_PLAN", Map.of("version", version()));

		assertThat(response.status()).isEqualTo(409);
		assertThat(Jsoup.parse(response.body()).selectFirst("#refusal").text())
			.contains(message("case-status.RECEIVED"));
		assertThat(status()).isEqualTo("RECEIVED");
	}

	@Test
	void aStaleVersionIsRefusedWithAClearMessageAndNothingOverwritten() {
		TestUserAgent agent = signedIn(officer);
		String stale = version();
		agent.post("/cases/" + caseId + "/steps/START_VERIFICATION", Map.of("version", stale));

		var response = agent.post("/cases/" + caseId + "/notes",
				Map.of("version", stale, "text", "Ghi chú muộn", "visibility", "CASE_TEAM"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(Jsoup.parse(response.body()).selectFirst("#refusal").text())
			.isEqualTo(message("case.concurrent-edit"));
		assertThat(jdbc.sql("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = 'NOTE'")
			.param(caseId.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTooLongNoteIsRefusedWithATranslatedErrorWhatWasTypedAndNothingSaved() {
		TestUserAgent agent = signedIn(officer);
		String before = version();
		String typed = "Đã gọi cho mẹ. " + "x".repeat(10_000);

		var response = agent.post("/cases/" + caseId + "/notes",
				Map.of("version", before, "text", typed, "visibility", "CASE_TEAM"));

		assertThat(response.status()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#text-error").text()).isEqualTo(message("validation.too-long"));
		assertThat(page.selectFirst("#note-text").text()).isEqualTo(typed);
		assertThat(page.selectFirst("#refusal").text()).isEqualTo(message("case.input-invalid"));
		assertThat(version()).isEqualTo(before);
		assertThat(notes()).isZero();
	}

	@Test
	void markupInADecisionNumberPrintedOnTheDecisionIsRefusedAndNothingSaved() {
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_CHAIR, "31120"));
		awaitingApproval();
		String before = version();

		var response = agent.post("/cases/" + caseId + "/forms/plan-decision", Map.of("version", before, "approved",
				"true", "decisionNumber", "<b>45</b>/QĐ-UBND", "decidedOn", geography.today().toString()));

		assertThat(response.status()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#decisionNumber-error").text()).isEqualTo(message("validation.markup"));
		assertThat(page.selectFirst("#decisionNumber").val()).as("what was typed, shown as text")
			.isEqualTo("<b>45</b>/QĐ-UBND");
		assertThat(response.body()).doesNotContain("<b>45</b>");
		assertThat(version()).isEqualTo(before);
		assertThat(forms()).isZero();
	}

	@Test
	void thePlanDecisionChoosesNoOutcomeInAdvanceAndADecisionWithoutOneIsRefused() {
		TestUserAgent agent = signedIn(testAccounts.create(Role.COMMUNE_CHAIR, "31120"));
		awaitingApproval();
		String before = version();

		Document form = Jsoup.parse(agent.get("/cases/" + caseId + "/forms/plan-decision").body());
		assertThat(form.select("input[name=approved]")).hasSize(2);
		assertThat(form.select("input[name=approved][checked]")).as("no outcome chosen for the chair").isEmpty();

		var response = agent.post("/cases/" + caseId + "/forms/plan-decision",
				Map.of("version", before, "decisionNumber", "45/QĐ-UBND", "decidedOn", geography.today().toString()));

		assertThat(response.status()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#approved-error").text()).isEqualTo(message("validation.required"));
		assertThat(page.select("input[name=approved][checked]")).isEmpty();
		assertThat(version()).isEqualTo(before);
		assertThat(forms()).isZero();
	}

	@Test
	void aCaseOrAttachmentIdThatIsNoIdIsNotFoundOnEveryUrl() {
		TestUserAgent agent = signedIn(officer);

		assertThat(agent.get("/cases/not-a-case").status()).isEqualTo(404);
		assertThat(agent.get("/cases/123/forms/plan").status()).isEqualTo(404);
		assertThat(agent.get("/cases/123/print/02").status()).isEqualTo(404);
		assertThat(agent.get("/cases/" + caseId + "/attachments/not-an-attachment").status()).isEqualTo(404);
		assertThat(agent.post("/cases/not-a-case/notes", Map.of("version", "0", "text", "x", "visibility", "CASE_TEAM"))
			.status()).isEqualTo(404);
		assertThat(agent.post("/cases/not-a-case/steps/START_VERIFICATION", Map.of("version", "0")).status())
			.isEqualTo(404);
		assertThat(notes()).isZero();
	}

	@Test
	void aBreakGlassReasonTooShortShowsTheBreakGlassFormAgainWithWhatWasTyped() {
		TestUserAgent hanoi = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "01"));
		assertThat(Jsoup.parse(hanoi.get("/cases/" + caseId).body()).select("textarea#reason")).hasSize(1);

		var refused = hanoi.post("/cases/" + caseId + "/break-glass", Map.of("reason", "vì"));

		assertThat(refused.status()).isEqualTo(422);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst("#reason-error").text()).isEqualTo(message("case.break-glass.reason-short"));
		assertThat(page.selectFirst("textarea#reason").text()).isEqualTo("vì");
		assertThat(hanoi
			.post("/cases/" + caseId + "/break-glass", Map.of("reason", "Trẻ đang ở Hà Nội, cần phối hợp khẩn cấp"))
			.status()).isEqualTo(302);
		assertThat(Jsoup.parse(hanoi.get("/cases/" + caseId).body()).selectFirst("#case-status")).isNotNull();
	}

	@Test
	void anOfficerOfAnotherCommuneIsRefusedOnEveryUrlOfTheCase() {
		TestUserAgent other = signedIn(testAccounts.create(Role.COMMUNE_OFFICER, "31135"));

		assertThat(other.get("/cases/" + caseId).status()).isEqualTo(403);
		assertThat(other.get("/cases/" + caseId + "/forms/initial-assessment").status()).isEqualTo(403);
		assertThat(other.post("/cases/" + caseId + "/steps/START_VERIFICATION", Map.of("version", version())).status())
			.isEqualTo(403);
		assertThat(other
			.post("/cases/" + caseId + "/notes", Map.of("version", version(), "text", "x", "visibility", "CASE_TEAM"))
			.status()).isEqualTo(403);
		assertThat(status()).isEqualTo("RECEIVED");
		assertThat(other.get("/cases/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void aCaseAssignedToAnOfficerLeavesHisListOnceHeActsForAnotherCommune() {
		long officerId = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.param(officer)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE protection_case SET assigned_officer_id = ? WHERE id = ?")
			.param(officerId)
			.param(caseId.value())
			.update();
		TestUserAgent agent = signedIn(officer);
		String link = "a[href=/cases/" + caseId + "]";
		assertThat(Jsoup.parse(agent.get("/cases").body()).select(link)).isNotEmpty();

		long ninhKieu = testUnits.ninhKieu().value();
		jdbc.sql("UPDATE app_user SET jurisdiction_id = ? WHERE id = ?").param(ninhKieu).param(officerId).update();
		var mine = agent.get("/cases");

		assertThat(mine.status()).isEqualTo(200);
		assertThat(Jsoup.parse(mine.body()).select(link)).isEmpty();
		assertThat(mine.body()).doesNotContain(caseId.toString());
	}

	@Test
	void anAdministratorChangesASettingButNotAStatutoryLimit() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));
		assertThat(admin.get("/cases/settings").status()).isEqualTo(200);

		var statutory = admin.post("/cases/settings", Map.of("step", "PLAN", "amount", "10", "unit", "DAYS"));
		assertThat(statutory.status()).isEqualTo(422);
		assertThat(statutory.body()).contains(message("case.settings.statutory"));
		assertThat(admin.post("/cases/settings", Map.of("step", "APPROVAL", "amount", "abc", "unit", "DAYS")).status())
			.isEqualTo(422);

		try {
			assertThat(admin.post("/cases/settings", Map.of("step", "APPROVAL", "amount", "4", "unit", "WORKING_DAYS"))
				.status()).isEqualTo(302);
			assertThat(
					jdbc.sql("SELECT amount FROM deadline_rule WHERE step = 'APPROVAL'").query(Integer.class).single())
				.isEqualTo(4);
			assertThat(rule("PLAN")).isEqualTo("5 WORKING_DAYS");
			assertThat(signedIn(officer).get("/cases/settings").status()).isEqualTo(403);
		}
		finally {
			jdbc.sql("UPDATE deadline_rule SET amount = 3, unit = 'WORKING_DAYS' WHERE step = 'APPROVAL'").update();
		}
	}

	private String rule(String step) {
		return jdbc.sql("SELECT amount || ' ' || unit FROM deadline_rule WHERE step = ?")
			.param(step)
			.query(String.class)
			.single();
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	/**
	 * Puts the case where the chair decides on its plan (the steps before are tested
	 * apart).
	 */
	private void awaitingApproval() {
		jdbc.sql("UPDATE protection_case SET status = 'AWAITING_APPROVAL', version = version + 1 WHERE id = ?")
			.param(caseId.value())
			.update();
	}

	private String version() {
		return String.valueOf(jdbc.sql("SELECT version FROM protection_case WHERE id = ?")
			.param(caseId.value())
			.query(Integer.class)
			.single());
	}

	private String status() {
		return jdbc.sql("SELECT status FROM protection_case WHERE id = ?")
			.param(caseId.value())
			.query(String.class)
			.single();
	}

	private long notes() {
		return jdbc.sql("SELECT count(*) FROM case_entry WHERE case_id = ? AND kind = 'NOTE'")
			.param(caseId.value())
			.query(Long.class)
			.single();
	}

	private long forms() {
		return jdbc.sql("SELECT count(*) FROM case_form WHERE case_id = ?")
			.param(caseId.value())
			.query(Long.class)
			.single();
	}

	private String message(String key) {
		return messages.getMessage(key, new Object[] { "x" }, Locale.forLanguageTag("vi")).replace("\"x\"", "");
	}

}
