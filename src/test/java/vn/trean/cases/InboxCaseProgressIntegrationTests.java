package vn.trean.cases;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox says, beside each report, where the case it went into stands (who must act
 * and the next legal deadline, as the case lists say it, read live from the case), and
 * narrows to the reports whose case's next clock is a step or whose case an officer is in
 * charge of; a step or an officer it does not offer is refused by its field.
 */
@IntegrationTest
class InboxCaseProgressIntegrationTests {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** The ward of these tests: no other test reports there. */
	private static final String HUNG_PHU = "31201";

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
	CaseWorkflow workflow;

	@Autowired
	CaseForms forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Test
	void eachReportSaysWhoMustActOnItsCaseAndTheCasesNextDeadlineToThoseWhoMaySeeTheCase() {
		Reported neglect = report(false);
		Reported emergency = report(true);
		TestUserAgent agent = signedIn(neglect.officer());

		Element assigned = row(agent, "/intake/inbox?q=" + neglect.receipt().referenceCode());
		assertThat(assigned.selectFirst(".case-progress .waiting-on").text())
			.isEqualTo(neglect.officer().displayName());
		assertThat(assigned.selectFirst(".case-progress .next-deadline").text())
			.startsWith(message("step." + nextStep(neglect.caseId())) + ":");

		Element urgent = row(agent, "/intake/inbox?q=" + emergency.receipt().referenceCode());
		assertThat(nextStep(emergency.caseId())).isEqualTo("EMERGENCY_DECISION");
		assertThat(urgent.selectFirst(".case-progress .next-deadline").text())
			.startsWith(message("step.EMERGENCY_DECISION") + ":");

		// a closed case waits for nobody and has no deadline
		workflow.closeAsNotSubstantiated(Actor.of(neglect.officer(), "ip"), neglect.caseId(),
				testCases.version(neglect.caseId()), "Xác minh tại nhà: trẻ được chăm sóc đầy đủ.");
		Element closed = row(agent, "/intake/inbox?q=" + neglect.receipt().referenceCode());
		assertThat(closed.selectFirst(".case-progress .waiting-on").text())
			.isEqualTo(message("cases.waiting-on.NOBODY"));
		assertThat(closed.select(".case-progress .next-deadline")).isEmpty();

		// one who may not see the case is not told where it stands
		Element recorded = row(signedIn(emergency.operator()),
				"/intake/recorded?q=" + emergency.receipt().referenceCode());
		assertThat(recorded.selectFirst(".case-progress").text()).isEqualTo("–");
	}

	@Test
	void emergencyMeasuresRecommendedOnANormalCaseMakeEveryListSayTheChairMustAct() {
		Reported neglect = report(false);
		Actor officer = Actor.of(neglect.officer(), "ip");
		workflow.confirmHarm(officer, neglect.caseId(), testCases.version(neglect.caseId()), "Đã xác minh tại nhà.");
		forms.recordInitialAssessment(officer, neglect.caseId(), testCases.version(neglect.caseId()),
				CaseWorkflowIntegrationTests.initialAssessment(true));
		TestUserAgent agent = signedIn(neglect.officer());

		Element row = row(agent, "/intake/inbox?q=" + neglect.receipt().referenceCode());
		assertThat(row.selectFirst(".case-progress .waiting-on").text()).isEqualTo(message("cases.waiting-on.CHAIR"));
		assertThat(row.selectFirst(".case-progress .next-deadline").text())
			.startsWith(message("step.EMERGENCY_DECISION") + ":");
		String code = testCases.reference(neglect.caseId());
		Element line = Jsoup.parse(agent.get("/cases/all?q=" + code).body()).selectFirst("td.waiting-on");
		assertThat(line.text()).isEqualTo(message("cases.waiting-on.CHAIR"));
		TestUserAgent chair = signedIn(neglect.chair());
		assertThat(Jsoup.parse(chair.get("/cases/" + neglect.caseId()).body()).select("#decide-emergency"))
			.as("the case page lists the decision that waits")
			.isNotEmpty();
	}

	@Test
	void theStepAndTheOfficerFiltersNarrowTheInboxToTheReportsOfThoseCases() {
		Reported neglect = report(false);
		Reported emergency = report(true);
		TestUserAgent agent = signedIn(neglect.officer());

		assertThat(ids(agent, "/intake/inbox?officer=" + neglect.officer().id()))
			.contains(neglect.receipt().id().value())
			.doesNotContain(emergency.receipt().id().value());
		assertThat(ids(agent, "/intake/inbox?officer=" + emergency.officer().id()))
			.contains(emergency.receipt().id().value())
			.doesNotContain(neglect.receipt().id().value());
		assertThat(ids(agent, "/intake/inbox?step=EMERGENCY_DECISION")).contains(emergency.receipt().id().value())
			.doesNotContain(neglect.receipt().id().value());

		Document page = Jsoup
			.parse(agent.get("/intake/inbox?step=EMERGENCY_DECISION&officer=" + emergency.officer().id()).body());
		assertThat(page.getElementById("inbox").attr("hx-get")).as("the refresh keeps both")
			.contains("step=EMERGENCY_DECISION", "officer=" + emergency.officer().id());
		assertThat(page.select("#step option[selected]").eachAttr("value")).containsExactly("EMERGENCY_DECISION");
		assertThat(page.select("#officer option[selected]").text()).isEqualTo(emergency.officer().displayName());
	}

	@Test
	void aStepOrAnOfficerTheInboxDoesNotOfferIsRefusedByItsField() {
		TestUserAgent agent = signedIn(testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, HUNG_PHU)));
		CurrentUser elsewhere = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "01"));

		assertRefused(agent, "/intake/inbox?step=LUNCH", "step", "reports.filter.unknown");
		assertRefused(agent, "/intake/inbox?officer=" + elsewhere.id(), "officer", "reports.filter.officer-outside");
		assertRefused(agent, "/intake/inbox?officer=abc", "officer", "reports.filter.unknown");
	}

	/** A report at the ward, its case, and the officer it is assigned to by the chair. */
	private record Reported(ReportReceipt receipt, CaseId caseId, CurrentUser officer, CurrentUser operator,
			CurrentUser chair) {
	}

	private Reported report(boolean emergency) {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		ReportDrafts draft = ReportDrafts.at(testUnits.id(HUNG_PHU)).withChild("Đinh Thị Mai", 8);
		ReportReceipt receipt = intake.record(operator,
				emergency ? draft.withHarm(HarmForm.VIOLENCE).withDangerSigns(DangerSign.INJURIES_NEEDING_CARE).build()
						: draft.withHarm(HarmForm.NEGLECT).build());
		CaseId id = testCases.caseOf(receipt);
		await().atMost(Duration.ofSeconds(10)).until(() -> intake.caseOf(receipt.id()), Optional::isPresent);
		CurrentUser officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, HUNG_PHU));
		CurrentUser chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, HUNG_PHU));
		workflow.assign(Actor.of(chair, "ip"), id, testCases.version(id), new CaseWorkflow.Assignment(officer.id()));
		return new Reported(receipt, id, officer, operator, chair);
	}

	private String nextStep(CaseId id) {
		return jdbc.sql("SELECT next_deadline_step FROM protection_case WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	private Element row(TestUserAgent agent, String path) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		List<Element> rows = Jsoup.parse(response.body()).select("#inbox tbody tr");
		assertThat(rows).as(path).hasSize(1);
		return rows.get(0);
	}

	private List<UUID> ids(TestUserAgent agent, String path) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body())
			.select("#inbox tbody tr a[href^=/intake/reports/]")
			.stream()
			.map(a -> UUID.fromString(a.attr("href").replace("/intake/reports/", "")))
			.toList();
	}

	private void assertRefused(TestUserAgent agent, String path, String field, String key) {
		var response = agent.get(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.getElementById(field + "-error").text()).as(path).isEqualTo(message(key));
		assertThat(page.select("#inbox tbody tr")).as(path).isEmpty();
		assertThat(page.getElementById(field).attr("aria-invalid")).as("%s marked", field).isEqualTo("true");
		assertThat(page.getElementById(field).attr("aria-describedby")).contains(field + "-error");
	}

	private TestUserAgent signedIn(CurrentUser user) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(user.username()).location()).endsWith("/");
		return agent;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}

}
