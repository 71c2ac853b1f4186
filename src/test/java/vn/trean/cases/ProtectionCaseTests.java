package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.trean.directory.WorkingDays;
import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's statutory workflow as the aggregate enforces it, without a database. */
class ProtectionCaseTests {

	static final DeadlineRules RULES = new DeadlineRules(
			Map.of(DeadlineStep.EMERGENCY_DECISION, new DeadlineRules.Rule(12, DeadlineRules.Unit.HOURS, true),
					DeadlineStep.PLAN, new DeadlineRules.Rule(5, DeadlineRules.Unit.WORKING_DAYS, true),
					DeadlineStep.SEPARATION_END, new DeadlineRules.Rule(15, DeadlineRules.Unit.DAYS, true),
					DeadlineStep.VERIFICATION, new DeadlineRules.Rule(2, DeadlineRules.Unit.WORKING_DAYS, false),
					DeadlineStep.APPROVAL, new DeadlineRules.Rule(3, DeadlineRules.Unit.WORKING_DAYS, false),
					DeadlineStep.REVIEW, new DeadlineRules.Rule(90, DeadlineRules.Unit.DAYS, false)),
			new WorkingDays(Set.of(), Set.of()));

	static final ProtectionCase.Actor OFFICER = new ProtectionCase.Actor(1, "Cán bộ");

	static final ProtectionCase.Actor CHAIR = new ProtectionCase.Actor(2, "Chủ tịch");

	static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

	private static ProtectionCase inStatus(ProtectionCase.Status status, SupportPlan plan, ClosingAssessment closing) {
		return new ProtectionCase(new CaseId(UUID.randomUUID()), "VV-2026-000001", new UnitId(1L), 1L, status, null,
				null, Urgency.EMERGENCY, 1, NOW, null, 0, false, new ProtectionCase.CaseFile(NOW, plan, closing));
	}

	@Test
	void anEmergencyCaseStartsTheTwelveHourClockFromTheReportAndTheVerificationClock() {
		Instant received = NOW.minusSeconds(3600);
		ProtectionCase opened = ProtectionCase.open(new CaseId(UUID.randomUUID()), "VV", new UnitId(1L), null,
				Urgency.EMERGENCY, NOW, received, false, OFFICER, RULES);

		assertThat(opened.status()).isEqualTo(ProtectionCase.Status.RECEIVED);
		assertThat(opened.changes()).contains(new ProtectionCase.Change.ClockStarted(DeadlineStep.EMERGENCY_DECISION,
				received.plusSeconds(12 * 3600)));
		assertThat(opened.changes())
			.anyMatch(c -> c instanceof ProtectionCase.Change.ClockStarted s && s.step() == DeadlineStep.VERIFICATION);
		assertThat(opened.events()).hasOnlyElementsOfType(CaseOpened.class);
	}

	@Test
	void aNormalCaseHasNoEmergencyClock() {
		ProtectionCase opened = ProtectionCase.open(new CaseId(UUID.randomUUID()), "VV", new UnitId(1L), null,
				Urgency.NORMAL, NOW, NOW, false, OFFICER, RULES);

		assertThat(opened.changes()).noneMatch(
				c -> c instanceof ProtectionCase.Change.ClockStarted s && s.step() == DeadlineStep.EMERGENCY_DECISION);
	}

	@Test
	void theInitialAssessmentStartsTheFiveWorkingDayPlanClock() {
		ProtectionCase c = inStatus(ProtectionCase.Status.INITIAL_ASSESSMENT, null, null);

		c.recordInitialAssessment(OFFICER, NOW, InitialAssessment.blank(), RULES);

		assertThat(c.status()).isEqualTo(ProtectionCase.Status.NEEDS_ASSESSMENT);
		assertThat(c.changes())
			.contains(new ProtectionCase.Change.ClockStarted(DeadlineStep.PLAN, RULES.due(DeadlineStep.PLAN, NOW)));
	}

	@Test
	void emergencyMeasuresRecommendedInTheInitialAssessmentStartTheChairsTwelveHourClock() {
		ProtectionCase c = inStatus(ProtectionCase.Status.INITIAL_ASSESSMENT, null, null);

		c.recordInitialAssessment(OFFICER, NOW, CaseWorkflowIntegrationTests.initialAssessment(), RULES);

		assertThat(c.changes()).contains(new ProtectionCase.Change.ClockStarted(DeadlineStep.EMERGENCY_DECISION,
				RULES.due(DeadlineStep.EMERGENCY_DECISION, NOW), true));
		assertThat(c.events())
			.anyMatch(e -> e instanceof DecisionAwaited a && a.decision() == DecisionAwaited.Decision.EMERGENCY);
	}

	@Test
	void anInitialAssessmentWithoutTheRecommendationStartsNoEmergencyClock() {
		ProtectionCase c = inStatus(ProtectionCase.Status.INITIAL_ASSESSMENT, null, null);

		c.recordInitialAssessment(OFFICER, NOW, InitialAssessment.blank(), RULES);

		assertThat(c.changes()).noneMatch(ch -> ch instanceof ProtectionCase.Change.ClockStarted s
				&& s.step() == DeadlineStep.EMERGENCY_DECISION);
	}

	@Test
	void approvingBeforeAPlanWasSubmittedIsRefusedNamingTheState() {
		ProtectionCase c = inStatus(ProtectionCase.Status.PLANNING, null, null);

		assertThatThrownBy(() -> c.approvePlan(CHAIR, NOW, new PlanDecision(true, "12/QĐ", LocalDate.now(), ""), RULES))
			.isInstanceOf(CaseRuleBroken.class)
			.satisfies(e -> assertThat(((CaseRuleBroken) e).status()).isEqualTo(ProtectionCase.Status.PLANNING));
		assertThat(c.changes()).isEmpty();
	}

	@Test
	void submittingWithoutADraftPlanIsRefused() {
		ProtectionCase c = inStatus(ProtectionCase.Status.PLANNING, null, null);

		assertThatThrownBy(() -> c.submitPlan(OFFICER, NOW, RULES)).isInstanceOf(CaseRuleBroken.class)
			.hasMessageContaining("case.plan.none");
		assertThat(c.status()).isEqualTo(ProtectionCase.Status.PLANNING);
	}

	@Test
	void approvalPutsThePlanIntoImplementationWithTheNextReviewDate() {
		ProtectionCase c = inStatus(ProtectionCase.Status.AWAITING_APPROVAL, plan(), null);

		Instant review = c.approvePlan(CHAIR, NOW, new PlanDecision(true, "12/QĐ-UBND", LocalDate.now(), null), RULES);

		assertThat(c.status()).isEqualTo(ProtectionCase.Status.IN_IMPLEMENTATION);
		assertThat(review).isEqualTo(RULES.due(DeadlineStep.REVIEW, NOW));
		assertThat(c.events()).hasOnlyElementsOfType(PlanApproved.class);
	}

	@Test
	void aReturnedPlanGoesBackToPlanningWithANewClock() {
		ProtectionCase c = inStatus(ProtectionCase.Status.AWAITING_APPROVAL, plan(), null);

		c.returnPlan(CHAIR, NOW, new PlanDecision(false, null, LocalDate.now(), "Thiếu nguồn lực"), RULES);

		assertThat(c.status()).isEqualTo(ProtectionCase.Status.PLANNING);
		assertThat(c.changes())
			.anyMatch(x -> x instanceof ProtectionCase.Change.ClockStarted s && s.step() == DeadlineStep.PLAN);
	}

	@Test
	void closingWithoutAClosingAssessmentIsRefusedEvenWithAnOverride() {
		ProtectionCase c = inStatus(ProtectionCase.Status.REVIEW, plan(), null);

		assertThatThrownBy(() -> c.close(CHAIR, NOW, "Gia đình chuyển đi")).isInstanceOf(CaseRuleBroken.class)
			.hasMessageContaining("case.close.no-assessment");
	}

	@Test
	void closingNeedsAnAssessmentThatMeetsThePolicyOrTheChairsOverride() {
		ClosingAssessment stillAtRisk = new ClosingAssessment(Rating.LOW, Rating.HIGH, Rating.LOW, Rating.MEDIUM,
				"Người xâm hại vẫn sống cùng");
		ProtectionCase refused = inStatus(ProtectionCase.Status.REVIEW, plan(), stillAtRisk);
		assertThatThrownBy(() -> refused.close(CHAIR, NOW, null)).isInstanceOf(CaseRuleBroken.class)
			.hasMessageContaining("case.close.abuser-reach");

		ProtectionCase overridden = inStatus(ProtectionCase.Status.REVIEW, plan(), stillAtRisk);
		overridden.close(CHAIR, NOW, "Trẻ đã chuyển đến tỉnh khác cùng mẹ");
		assertThat(overridden.status()).isEqualTo(ProtectionCase.Status.CLOSED);
		assertThat(overridden.changes())
			.anyMatch(x -> x instanceof ProtectionCase.Change.Entry e && e.kind().equals("CLOSED_BY_OVERRIDE"));

		ProtectionCase safe = inStatus(ProtectionCase.Status.REVIEW, plan(),
				new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.HIGH, "An toàn"));
		safe.close(CHAIR, NOW, null);
		assertThat(safe.status()).isEqualTo(ProtectionCase.Status.CLOSED);
		assertThat(safe.events()).hasOnlyElementsOfType(CaseClosed.class);
	}

	@Test
	void emergencyMeasuresAreRecordedOnlyFromTheInitialAssessmentOn() {
		EmergencyDecision decision = new EmergencyDecision(LocalDateTime.now(), List.of(EmergencyMeasure.SAFE_SHELTER),
				"Nhà tạm lánh", null, null, null, null, null, "Nguy cơ cao");
		ProtectionCase early = inStatus(ProtectionCase.Status.VERIFYING, null, null);
		assertThatThrownBy(() -> early.recordEmergencyDecision(CHAIR, decision, RULES))
			.isInstanceOf(CaseRuleBroken.class);

		ProtectionCase assessed = inStatus(ProtectionCase.Status.NEEDS_ASSESSMENT, null, null);
		assessed.recordEmergencyDecision(CHAIR, decision, RULES);
		assertThat(assessed.changes()).contains(new ProtectionCase.Change.ClocksMet(
				Set.of(DeadlineStep.EMERGENCY_DECISION, DeadlineStep.SEPARATION_END)));
	}

	@Test
	void aSeparationStartsAClockThatEndsWithTheLastDayOfTheSeparation() {
		LocalDate start = LocalDate.of(2026, 11, 26);
		EmergencyDecision separation = new EmergencyDecision(LocalDateTime.of(2026, 11, 26, 8, 0),
				List.of(EmergencyMeasure.TEMPORARY_SEPARATION), null, null, start, start.plusDays(15), null, null,
				"Cha bạo hành");
		ProtectionCase c = inStatus(ProtectionCase.Status.INITIAL_ASSESSMENT, null, null);

		c.recordEmergencyDecision(CHAIR, separation, RULES);

		assertThat(c.changes()).contains(new ProtectionCase.Change.ClockStarted(DeadlineStep.SEPARATION_END,
				RULES.endOfDay(start.plusDays(15))));
	}

	@Test
	void aTransferWaitsForTheNewCommuneAndRestoresTheStepOnAcceptance() {
		ProtectionCase c = inStatus(ProtectionCase.Status.IN_IMPLEMENTATION, plan(), null);

		c.requestTransfer(OFFICER, new UnitId(2L), "Trẻ chuyển nhà");
		assertThat(c.status()).isEqualTo(ProtectionCase.Status.TRANSFERRING);
		assertThat(c.unit()).isEqualTo(new UnitId(1L));

		c.acceptTransfer(new ProtectionCase.Actor(9, "Cán bộ mới"), NOW);
		assertThat(c.status()).isEqualTo(ProtectionCase.Status.IN_IMPLEMENTATION);
		assertThat(c.unit()).isEqualTo(new UnitId(2L));
		assertThat(c.assignedOfficer()).isEqualTo(9L);
		assertThat(c.events()).hasOnlyElementsOfType(CaseTransferred.class);
	}

	@Test
	void aClosedCaseReopensIntoVerificationInANewCycle() {
		ProtectionCase c = inStatus(ProtectionCase.Status.CLOSED, plan(), null);

		c.reopen(CHAIR, NOW, "Có thông báo mới", RULES);

		assertThat(c.status()).isEqualTo(ProtectionCase.Status.VERIFYING);
		assertThat(c.cycle()).isEqualTo(2);
		assertThat(c.closedAt()).isNull();
	}

	static SupportPlan plan() {
		return new SupportPlan("An toàn cho trẻ", List.of(new SupportPlan.PlannedMeasure(SupportMeasure.MEDICAL_CARE,
				"Trạm y tế", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 31))), "");
	}

}
