package vn.trean.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import vn.trean.TestClock;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved forms of a case over HTTP: the editable form only for whoever may save it
 * now, the read-only view with the saved values, who saved them and when, and every
 * earlier version for everyone else who reads the case, and a form posted by hand from
 * one of them refused, unchanged and written to the audit log.
 */
@IntegrationTest
class SavedFormViewsIntegrationTests {

	private static final String FIRST = "Nguy cơ cao ở lần đánh giá đầu.";

	private static final String SECOND = "Nguy cơ rất cao sau khi gặp trẻ.";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestCommune commune;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	TestClock clock;

	String officer;

	CaseId id;

	/** A case in its needs assessment whose initial assessment was saved twice. */
	@BeforeEach
	void aCaseWithTwoVersionsOfItsInitialAssessment() {
		officer = commune.officer();
		Actor actor = Actor.of(testCases.user(officer), "ip");
		id = commune.harmConfirmed(ReportDrafts.at(testUnits.caiKhe())
			.withChild("Lâm Gia Hân", 10)
			.withHarm(HarmForm.VIOLENCE)
			.withAccount("Trẻ bị đánh.")
			.build(), actor, "Có vết bầm.");
		forms.recordInitialAssessment(actor, id, testCases.version(id), assessment(FIRST));
		forms.recordInitialAssessment(actor, id, testCases.version(id), assessment(SECOND));
	}

	@Test
	void theOfficerOfTheCommuneSeesTheEditableFormOfAnOpenCase() {
		Document page = page(signedIn(officer), "/forms/initial-assessment");

		assertThat(page.select("main form[method=post]")).hasSize(1);
		assertThat(page.selectFirst("#summary").text()).isEqualTo(SECOND);
		assertThat(page.selectFirst("#read-only-reason")).isNull();
		assertThat(page.selectFirst("#saved-versions").attr("href"))
			.isEqualTo("/cases/" + id + "/forms/initial-assessment/saved");
	}

	@Test
	void theProvincialManagerReadsTheSavedValuesWhoSavedThemAndWhenButGetsNoForm() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));

		Document page = page(manager, "/forms/initial-assessment");

		assertReadOnly(page, SECOND, "case.form.read-only.role");
		assertThat(page.selectFirst("#version").text()).contains("2", "Người kiểm thử COMMUNE_OFFICER");
		assertThat(page.selectFirst("#print-form").attr("href")).isEqualTo("/cases/" + id + "/print/02");
		assertThat(page.select("#versions a")).hasSize(2);
		assertThat(page(manager, "").selectFirst("#saved-initial-assessment").attr("href"))
			.as("the case file links to the saved form")
			.isEqualTo("/cases/" + id + "/forms/initial-assessment/saved");
	}

	@Test
	void theChairReadsTheOfficersFormsWithoutAForm() {
		TestUserAgent chair = signedIn(commune.chair());

		assertReadOnly(page(chair, "/forms/initial-assessment"), SECOND, "case.form.read-only.role");
	}

	@Test
	void onAClosedCaseTheOfficerReadsTheFormAndIsToldTheCaseIsClosed() {
		close();

		assertReadOnly(page(signedIn(officer), "/forms/initial-assessment"), SECOND, "case.form.read-only.closed");
	}

	@Test
	void aCaseClosedThroughEveryStepShowsTheOfficerEachOfItsFormsReadOnly() {
		CaseId closed = closedThroughEveryStep();
		TestUserAgent agent = signedIn(officer);
		Map<String, String> values = Map.of("initial-assessment", SECOND, "needs-assessment", "Sống với bố dượng",
				"plan", "An toàn cho trẻ", "plan-decision", "45/QĐ-UBND", "emergency-decision", "Nhà tạm lánh Cái Khế",
				"closing-assessment", "Trẻ an toàn, ổn định.");
		for (CaseForm form : CaseForm.values()) {
			var response = agent.get("/cases/" + closed + "/forms/" + form.path());
			assertThat(response.status()).as(form.path()).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("main form, main input, main textarea, main select")).as(form.path()).isEmpty();
			assertThat(page.selectFirst("#saved-form").text()).as(form.path()).contains(values.get(form.path()));
			boolean chairs = form == CaseForm.PLAN_DECISION || form == CaseForm.EMERGENCY_DECISION;
			assertThat(page.selectFirst("#read-only-reason").text()).as(form.path())
				.isEqualTo(message(chairs ? "case.form.read-only.role" : "case.form.read-only.closed",
						Locale.forLanguageTag("vi")));
		}
		assertThat(Jsoup.parse(agent.get("/cases/" + closed + "/forms/plan").body()).select("#saved-measures tbody tr"))
			.hasSize(1);
	}

	@Test
	void aFormPostedByHandFromTheManagerOrTheChairIsRefusedBeforeItIsReadChangesNothingAndIsAudited() {
		String manager = testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO);
		String chair = commune.chair();
		for (String username : List.of(manager, chair)) {
			TestUserAgent agent = signedIn(username);
			assertRefusedAndAudited(agent, username, posted("Sửa trái phép."), "case.form.read-only.role");
			assertRefusedAndAudited(agent, username, Map.of("version", "x", "items[0].rating", "VERY_HIGH"),
					"case.form.read-only.role");
		}
	}

	@Test
	void aFormPostedByHandOnAClosedCaseIsRefusedChangesNothingAndIsAudited() {
		close();

		assertRefusedAndAudited(signedIn(officer), officer, posted("Sửa sau khi đóng."), "case.form.read-only.closed");
	}

	@Test
	void anyRefusalIsAuditedNamingTheUserAndTheAddressAskedFor() {
		String other = testAccounts.create(Role.COMMUNE_OFFICER, TestUnits.NINH_KIEU);
		String path = "/cases/" + id + "/forms/initial-assessment";

		assertThat(signedIn(other).get(path).status()).isEqualTo(403);

		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE actor = ? AND action = 'ACCESS_REFUSED'")
			.param(other)
			.query(String.class)
			.list()).containsExactly("GET " + path + ": access.refused.jurisdiction");
	}

	@Test
	void everySavedVersionIsReadableAndAVersionThatIsNoneIsNotFound() {
		TestUserAgent chair = signedIn(commune.chair());

		Document first = page(chair, "/forms/initial-assessment/saved/1/1");

		assertReadOnly(first, FIRST, "case.form.read-only.role");
		assertThat(first.selectFirst("#version").text()).startsWith("Phiên bản 1 ");
		assertThat(first.select("#versions a[aria-current=page]").attr("href"))
			.isEqualTo("/cases/" + id + "/forms/initial-assessment/saved/1/1");
		TestUserAgent byOfficer = signedIn(officer);
		Document latest = page(byOfficer, "/forms/initial-assessment/saved");
		assertThat(latest.selectFirst("#saved-form").text()).contains(SECOND);
		assertThat(latest.selectFirst("#edit-form")).as("the officer may open the form").isNotNull();
		for (String missing : List.of("/forms/initial-assessment/saved/1/3", "/forms/initial-assessment/saved/x/1",
				"/forms/initial-assessment/saved/1/99999999999", "/forms/no-such-form/saved",
				"/forms/plan/saved/1/1")) {
			assertThat(chair.get("/cases/" + id + missing).status()).as(missing).isEqualTo(404);
		}
		assertThat(chair.get("/cases/123/forms/initial-assessment/saved").status()).isEqualTo(404);
		assertThat(byOfficer.post("/cases/123/forms/initial-assessment", posted("x")).status()).isEqualTo(404);
		assertThat(page(chair, "/forms/needs-assessment").selectFirst("#no-version").text())
			.isEqualTo(message("case.form.view.none", Locale.forLanguageTag("vi")));
	}

	@Test
	void theReadOnlyViewAndTheRefusalSpeakEnglish() {
		TestUserAgent manager = signedIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		manager.get("/?lang=en");

		Document page = page(manager, "/forms/initial-assessment");
		var refused = manager.post("/cases/" + id + "/forms/initial-assessment", posted("x"));

		assertThat(page.selectFirst("#read-only-reason").text())
			.isEqualTo("Your role may read this form but not fill it in or change it.");
		assertThat(page.selectFirst("#versions-title").text()).isEqualTo("Saved versions");
		assertThat(page.selectFirst("#version").text()).startsWith("Version 2 (cycle 1), saved by");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Your role may read this form but not fill it in or change it.");
	}

	/**
	 * A case taken through every form to its closure, as the officer and the chair do.
	 */
	private CaseId closedThroughEveryStep() {
		Actor byOfficer = Actor.of(testCases.user(officer), "ip");
		Actor byChair = Actor.of(testCases.user(commune.chair()), "ip");
		CaseId c = commune.harmConfirmed(ReportDrafts.at(testUnits.caiKhe())
			.withChild("Tạ Minh Khôi", 7)
			.withHarm(HarmForm.VIOLENCE)
			.withAccount("Trẻ bị bỏ đói.")
			.build(), byOfficer, "Có dấu hiệu.");
		forms.recordInitialAssessment(byOfficer, c, testCases.version(c), assessment(SECOND));
		forms.recordEmergencyDecision(byChair, c, testCases.version(c), commune.emergencyDecision());
		forms.recordNeedsAssessment(byOfficer, c, testCases.version(c), new NeedsAssessment("Có vết bầm", "Sợ hãi",
				"Sống với bố dượng", Rating.LOW, "An toàn", today(), "Cán bộ", "Biên bản"));
		forms.draftPlan(byOfficer, c, testCases.version(c), ProtectionCaseTests.plan());
		workflow.submitPlan(byOfficer, c, testCases.version(c));
		forms.decideOnPlan(byChair, c, testCases.version(c), new PlanDecision(true, "45/QĐ-UBND", today(), null));
		workflow.startReview(byOfficer, c, testCases.version(c));
		forms.recordClosingAssessment(byOfficer, c, testCases.version(c),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "Trẻ an toàn, ổn định."));
		workflow.close(byChair, c, testCases.version(c), null);
		return c;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	private void assertReadOnly(Document page, String summary, String reason) {
		assertThat(page.select("main form, main input, main textarea, main select, #save-form")).isEmpty();
		assertThat(page.selectFirst("#saved-form").text()).contains(summary);
		assertThat(page.selectFirst("#read-only-reason").text())
			.isEqualTo(message(reason, Locale.forLanguageTag("vi")));
	}

	private void assertRefusedAndAudited(TestUserAgent agent, String username, Map<String, String> form,
			String reason) {
		int version = testCases.version(id);
		long refusals = refusals(username);

		var response = agent.post("/cases/" + id + "/forms/initial-assessment", form);

		assertThat(response.status()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).text()).contains(message(reason, Locale.forLanguageTag("vi")));
		assertThat(testCases.version(id)).isEqualTo(version);
		assertThat(savedVersions()).isEqualTo(2);
		assertThat(refusals(username)).isEqualTo(refusals + 1);
		assertThat(jdbc.sql("""
				SELECT detail FROM audit_entry WHERE actor = ? AND action = 'ACCESS_REFUSED'
				AND outcome = 'DENIED' AND target_type = 'CASE' AND target_id = ? ORDER BY id DESC LIMIT 1""")
			.param(username)
			.param(id.toString())
			.query(String.class)
			.single()).contains("FORM INITIAL_ASSESSMENT", reason);
	}

	private long refusals(String username) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'ACCESS_REFUSED'")
			.param(username)
			.query(Long.class)
			.single();
	}

	private long savedVersions() {
		return jdbc.sql("SELECT count(*) FROM case_form WHERE case_id = ? AND form = 'INITIAL_ASSESSMENT'")
			.param(id.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Closes the case as its last step leaves it (the steps before are the workflow's
	 * tests).
	 */
	private void close() {
		jdbc.sql("UPDATE protection_case SET status = 'CLOSED', version = version + 1 WHERE id = ?")
			.param(id.value())
			.update();
	}

	private Map<String, String> posted(String summary) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(testCases.version(id)));
		RiskItem[] items = RiskItem.values();
		for (int i = 0; i < items.length; i++) {
			form.put("items[" + i + "].item", items[i].name());
			form.put("items[" + i + "].rating", "HIGH");
		}
		form.put("summary", summary);
		return form;
	}

	private static InitialAssessment assessment(String summary) {
		return new InitialAssessment(java.util.Arrays.stream(RiskItem.values())
			.map(i -> new InitialAssessment.RatedItem(i, Rating.HIGH, "Đánh giá"))
			.toList(), summary, false);
	}

	private Document page(TestUserAgent agent, String path) {
		var response = agent.get("/cases/" + id + path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
