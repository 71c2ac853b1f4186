package vn.trean.cases;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import vn.trean.IntegrationTest;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision pages over HTTP: the emergency decision and Mẫu 05 show what the chair
 * decides on, choose no outcome in advance, the officer sees that the case waits for the
 * chair instead of a next step, each page has one primary action, and a decision posted
 * twice is refused with a conflict and changes nothing.
 */
@IntegrationTest
class CaseDecisionPagesIntegrationTests extends DecisionPagesFixture {

	@Test
	void theChairSeesTheDangerSignsTheFindingsAndTheRecommendationWithWhoAndWhenBeforeDeciding() {
		assessed();
		String officerShown = officer.displayName();

		Document file = Jsoup.parse(signedIn(chairName).get("/cases/" + id).body());

		Element section = file.selectFirst("#decide-emergency");
		assertThat(section).isNotNull();
		assertThat(section.select(".danger-signs li").eachText())
			.containsExactly(message("danger.WITH_PERPETRATOR_NOW"), message("danger.INJURIES_NEEDING_CARE"));
		assertThat(section.select(".harm").eachText()).containsExactly(message("harm.VIOLENCE"),
				message("harm.NEGLECT"));
		assertThat(section.selectFirst(".harm").parent().text()).as("one separator between two")
			.endsWith(message("harm.VIOLENCE") + "; " + message("harm.NEGLECT"));
		assertThat(section.selectFirst("#verification-findings").text())
			.isEqualTo("Trẻ có vết bầm ở lưng, cha dượng vẫn ở nhà.");
		assertThat(section.selectFirst("#recommendation").text())
			.startsWith(message("case.facts.recommended", officerShown, "WHEN").split("WHEN")[0]);
		assertThat(section.selectFirst("#assessment-summary").text())
			.contains("Nguy cơ cao: cần tách trẻ khỏi cha dượng.");
		assertThat(section.select("#assessment-items tbody tr")).hasSize(RiskItem.values().length);
		assertThat(primaryActions(file)).extracting(e -> e.id()).containsExactly("form-emergency-decision");

		Document form = Jsoup.parse(signedIn(chairName).get("/cases/" + id + "/forms/emergency-decision").body());
		assertThat(form.select("#emergency-facts .danger-signs li")).hasSize(2);
		assertThat(form.selectFirst("#recommendation").text()).contains(officerShown);
		assertThat(form.select("input[name=measures]")).hasSize(EmergencyMeasure.values().length);
		assertThat(form.select("input[name=measures][checked]")).as("no measure chosen for the chair").isEmpty();
		assertThat(primaryActions(form)).extracting(e -> e.id()).containsExactly("save-form");
	}

	@Test
	void anEmergencyDecisionWithoutAMeasureIsRefusedAndNothingSaved() {
		assessed();
		int before = version();

		var refused = signedIn(chairName).post("/cases/" + id + "/forms/emergency-decision",
				Map.of("version", String.valueOf(before), "decidedAt",
						commune.emergencyDecision().decidedAt().toString(), "reasons", "Nguy cơ cao"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#measures-error").text())
			.isEqualTo(message("validation.required"));
		assertThat(version()).isEqualTo(before);
		assertThat(forms(CaseForm.EMERGENCY_DECISION)).isZero();
	}

	@Test
	void theOfficerSeesTheEmergencyDecisionWaitingForTheChairBesideTheAssessmentStillToDo() {
		assessed();

		Document file = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());

		Element waiting = file.selectFirst("#waiting-for-chair li[data-step=EMERGENCY_DECISION]");
		assertThat(waiting.text()).contains(message("case.waiting.EMERGENCY_DECISION")).contains("hạn cuối");
		assertThat(file.selectFirst("#decide-emergency")).isNull();
		assertThat(file.selectFirst("#steps-title").text()).isEqualTo(message("case.next-steps"));
		assertThat(primaryActions(file)).extracting(e -> e.id()).containsExactly("form-needs-assessment");
	}

	@Test
	void theDecisionOnThePlanShowsEveryMeasureAndTheNeedsItAnswers() {
		planSubmitted();

		Document file = Jsoup.parse(signedIn(chairName).get("/cases/" + id).body());

		Element section = file.selectFirst("#decide-plan");
		assertThat(section.select("#plan-measures tbody tr")).hasSize(2);
		assertThat(section.select("#plan-measures tbody tr").get(0).text()).contains(message("measure.MEDICAL_CARE"))
			.contains("Khám vết thương")
			.contains("Trạm y tế phường")
			.contains("Bảo hiểm y tế");
		assertThat(section.select("#plan-measures tbody tr").get(1).text())
			.contains(message("measure.PSYCHOLOGICAL_THERAPY"))
			.contains("Trung tâm công tác xã hội")
			.contains("Ngân sách xã");
		assertThat(section.selectFirst("#needs-summary").text()).contains("An toàn, trị liệu tâm lý")
			.contains(message("rating.LOW"));
		assertThat(primaryActions(file)).extracting(e -> e.id()).containsExactly("form-plan-decision");

		Document form = Jsoup.parse(signedIn(chairName).get("/cases/" + id + "/forms/plan-decision").body());
		assertThat(form.select("#plan-facts #plan-measures tbody tr")).hasSize(2);
		assertThat(form.select("input[name=approved][checked]")).isEmpty();
	}

	@Test
	void whileThePlanWaitsForTheChairTheOfficerSeesThatInsteadOfANextStep() {
		planSubmitted();

		Document file = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());

		Element waiting = file.selectFirst("#waiting-for-chair");
		assertThat(waiting.selectFirst("li[data-step=APPROVE_PLAN]").text())
			.contains(message("case.waiting.APPROVE_PLAN"))
			.contains("hạn cuối");
		assertThat(waiting.text()).contains(message("case.waiting.held"));
		assertThat(file.selectFirst("#steps-title").text()).isEqualTo(message("case.other-actions"));
		assertThat(file.selectFirst("#decide-plan")).isNull();
		assertThat(primaryActions(file)).isEmpty();
	}

	@Test
	void aPlanDecisionPostedTwiceIsRefusedWithAConflictAndChangesNothing() {
		planSubmitted();
		TestUserAgent agent = signedIn(chairName);
		Map<String, String> decision = Map.of("version", String.valueOf(version()), "approved", "true",
				"decisionNumber", "12/QĐ-UBND", "decidedOn", today().toString());
		assertThat(agent.post("/cases/" + id + "/forms/plan-decision", decision).status()).isEqualTo(302);
		int after = version();

		var again = agent.post("/cases/" + id + "/forms/plan-decision", decision);

		assertThat(again.status()).isEqualTo(409);
		assertThat(Jsoup.parse(again.body()).selectFirst("#refusal").text()).isEqualTo(message("case.concurrent-edit"));
		var afterwards = agent.post("/cases/" + id + "/forms/plan-decision", Map.of("version", String.valueOf(after),
				"approved", "false", "note", "Sửa lại", "decidedOn", today().toString()));
		assertThat(afterwards.status()).isEqualTo(409);
		assertThat(Jsoup.parse(afterwards.body()).selectFirst("#refusal").text())
			.isEqualTo(message("case.transition.refused", message("case-status.IN_IMPLEMENTATION")));
		assertThat(version()).isEqualTo(after);
		assertThat(status()).isEqualTo("IN_IMPLEMENTATION");
		assertThat(forms(CaseForm.PLAN_DECISION)).isEqualTo(1);
		assertThat(entries("PLAN_APPROVED")).isEqualTo(1);
		assertThat(entries("PLAN_RETURNED")).isZero();
	}

	@Test
	void anEmergencyDecisionPostedTwiceIsRefusedWithAConflictAndChangesNothing() {
		assessed();
		TestUserAgent agent = signedIn(chairName);
		Map<String, String> decision = Map.of("version", String.valueOf(version()), "decidedAt",
				commune.emergencyDecision().decidedAt().toString(), "measures", "SAFE_SHELTER", "shelterPlace",
				"Nhà tạm lánh Cái Khế", "reasons", "Nguy cơ cao");
		assertThat(agent.post("/cases/" + id + "/forms/emergency-decision", decision).status()).isEqualTo(302);
		int after = version();

		var again = agent.post("/cases/" + id + "/forms/emergency-decision", decision);

		assertThat(again.status()).isEqualTo(409);
		assertThat(Jsoup.parse(again.body()).selectFirst("#refusal").text()).isEqualTo(message("case.concurrent-edit"));
		assertThat(version()).isEqualTo(after);
		assertThat(forms(CaseForm.EMERGENCY_DECISION)).isEqualTo(1);
		assertThat(entries("EMERGENCY_DECISION")).isEqualTo(1);
	}

	@Test
	void aFormTheViewerMaySaveHasItsSaveButtonAsItsOnePrimaryActionAndTheOthersAreShownReadOnly() {
		planSubmitted();
		TestUserAgent agent = signedIn(chairName);
		Document decision = Jsoup.parse(agent.get("/cases/" + id + "/forms/plan-decision").body());
		assertThat(primaryActions(decision)).extracting(e -> e.id()).containsExactly("save-form");
		// the officers' forms are shown to the chair read-only, with no second primary
		// action
		for (String form : new String[] { "initial-assessment", "needs-assessment", "plan", "closing-assessment" }) {
			Document page = Jsoup.parse(agent.get("/cases/" + id + "/forms/" + form).body());
			assertThat(page.select("#save-form")).as(form).isEmpty();
			assertThat(primaryActions(page)).as(form).hasSizeLessThanOrEqualTo(1);
		}
		Document emergency = Jsoup.parse(agent.get("/cases/" + id + "/forms/emergency-decision").body());
		assertThat(primaryActions(emergency)).extracting(e -> e.id()).containsExactly("save-form");

	}

	@Test
	void eachStateOffersOnePrimaryActionAndTheStepsThatEndSomethingAsWarnings() {
		Document received = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());
		assertThat(primaryActions(received)).extracting(e -> e.id()).containsExactly("step-START_VERIFICATION");
		assertThat(received.selectFirst("#step-NOT_SUBSTANTIATED").hasClass("danger")).isTrue();
		assertThat(received.selectFirst("#step-CONFIRM_HARM").hasClass("secondary")).isTrue();
		assertThat(received.selectFirst("#add-note").hasClass("secondary")).isTrue();
		assertThat(received.selectFirst("#step-REQUEST_TRANSFER").hasClass("secondary")).isTrue();

		readyToClose();
		Document review = Jsoup.parse(signedIn(chairName).get("/cases/" + id).body());
		assertThat(review.selectFirst("#decide-close #step-CLOSE").hasClass("danger")).isTrue();
		assertThat(primaryActions(review)).isEmpty();
		Document reviewed = Jsoup.parse(signedIn(officerName).get("/cases/" + id).body());
		assertThat(reviewed.selectFirst("#waiting-for-chair li[data-step=CLOSE]").text())
			.contains(message("case.waiting.CLOSE"));
		assertThat(reviewed.selectFirst("#form-closing-assessment").hasClass("secondary")).isTrue();
	}

}
