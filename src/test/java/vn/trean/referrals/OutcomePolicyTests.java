package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.trean.directory.Sector;
import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterLookups;
import vn.trean.registers.WorkforceRole;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomePolicyTests {

	static final LocalDate SENT = LocalDate.of(2026, 11, 2);

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	/** 2 November 2026, 09:00 in Viet Nam. */
	static final Instant SENT_AT = Instant.parse("2026-11-02T02:00:00Z");

	/** 7 December 2026, 15:00 in Viet Nam. */
	static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

	static final UnitId PROVINCE_UNIT = new UnitId(1);

	static final UnitId ELSEWHERE = new UnitId(2);

	@Test
	void eachSectorGivesTheReportOfItsKind() {
		assertThat(OutcomeKind.of(Sector.EDUCATION_DEPARTMENT)).isEqualTo(OutcomeKind.SCHOOL);
		assertThat(OutcomeKind.of(Sector.HEALTH_DEPARTMENT)).isEqualTo(OutcomeKind.HEALTH);
		assertThat(OutcomeKind.of(Sector.POLICE)).isEqualTo(OutcomeKind.POLICE);
		assertThat(OutcomeKind.of(Sector.SOCIAL_WORK_CENTRE)).isEqualTo(OutcomeKind.SOCIAL_WORK);
		assertThat(OutcomeKind.of(Sector.JUSTICE_AND_LEGAL_AID)).isEqualTo(OutcomeKind.LEGAL_AID);
		assertThat(OutcomeKind.of(Sector.SHELTER_OR_NGO)).isEqualTo(OutcomeKind.SHELTER);
		assertThat(OutcomeKind.of(Sector.PROCURACY)).isEqualTo(OutcomeKind.SERVICE);
	}

	@Test
	void refusesAReportOfAnotherKind() {
		Verdict<OutcomeReport> v = OutcomePolicy.check(OutcomeKind.SCHOOL, service(TODAY, null), SENT, TODAY, false);
		assertThat(v.errors().asMap()).containsEntry(Verdict.GENERAL, "referral.outcome.wrong-kind");
	}

	@Test
	void everyDateOfEveryKindLiesBetweenTheDaySentAndToday() {
		assertThat(errors(OutcomeKind.SCHOOL, school(SENT.minusDays(1), null))).containsEntry("completedOn",
				"referral.outcome.date-before-referral");
		assertThat(errors(OutcomeKind.SCHOOL, school(TODAY, TODAY.plusDays(1)))).containsEntry("followUpOn",
				"referral.outcome.date-in-future");
		assertThat(errors(OutcomeKind.HEALTH, health(SENT.minusDays(3), null))).containsEntry("examinedOn",
				"referral.outcome.date-before-referral");
		assertThat(errors(OutcomeKind.POLICE,
				police(PoliceOutcome.Decision.PROSECUTION_OPENED, null, null, TODAY.plusDays(2))))
			.containsEntry("decidedOn", "referral.outcome.date-in-future");
		assertThat(errors(OutcomeKind.SHELTER, service(TODAY, SENT.minusDays(1)))).containsEntry("followUpOn",
				"referral.outcome.date-before-referral");
		assertThat(errors(OutcomeKind.SCHOOL, school(SENT, SENT))).isEmpty();
		assertThat(errors(OutcomeKind.LEGAL_AID, service(TODAY, TODAY))).isEmpty();
	}

	@Test
	void the72HourQuestionIsRequiredAfterASexualAssaultAndDroppedOtherwise() {
		assertThat(OutcomePolicy.check(OutcomeKind.HEALTH, health(TODAY, null), SENT, TODAY, true).errors().asMap())
			.containsEntry("within72Hours", "validation.required");
		Verdict<OutcomeReport> answered = OutcomePolicy.check(OutcomeKind.HEALTH, health(TODAY, true), SENT, TODAY,
				true);
		assertThat(((HealthOutcome) answered.value()).within72Hours()).isTrue();
		Verdict<OutcomeReport> notAsked = OutcomePolicy.check(OutcomeKind.HEALTH, health(TODAY, false), SENT, TODAY,
				false);
		assertThat(notAsked.allowed()).isTrue();
		assertThat(((HealthOutcome) notAsked.value()).within72Hours()).isNull();
	}

	@Test
	void aProsecutionNotOpenedNeedsItsReasonAndATransferItsBody() {
		assertThat(errors(OutcomeKind.POLICE, police(PoliceOutcome.Decision.NOT_OPENED, null, null, TODAY)))
			.containsEntry("notOpenedReason", "referral.outcome.police.reason-required");
		assertThat(errors(OutcomeKind.POLICE, police(PoliceOutcome.Decision.TRANSFERRED, "lý do", null, TODAY)))
			.containsEntry("transferredTo", "referral.outcome.police.transferred-to-required")
			.doesNotContainKey("notOpenedReason");
		Verdict<OutcomeReport> opened = OutcomePolicy.check(OutcomeKind.POLICE,
				police(PoliceOutcome.Decision.PROSECUTION_OPENED, "thừa", "thừa", TODAY), SENT, TODAY, false);
		assertThat(((PoliceOutcome) opened.value()).notOpenedReason()).isNull();
		assertThat(((PoliceOutcome) opened.value()).transferredTo()).isNull();
	}

	@Test
	void theForwardingFollowsTheReceiptWhichFollowsTheSendingAndNeitherIsInTheFuture() {
		LocalDateTime sent = LocalDateTime.of(2026, 11, 2, 9, 0);
		assertThat(OutcomePolicy.forwarding(sent.minusMinutes(1), sent.plusHours(1), SENT_AT, NOW).errors().asMap())
			.containsEntry("receivedAt", "referral.outcome.date-before-referral");
		assertThat(OutcomePolicy.forwarding(sent.plusHours(2), sent.plusHours(1), SENT_AT, NOW).errors().asMap())
			.containsEntry("forwardedAt", "referral.forwarding.before-receipt");
		assertThat(OutcomePolicy.forwarding(sent, LocalDateTime.of(2026, 12, 7, 15, 5), SENT_AT, NOW).errors().asMap())
			.containsEntry("forwardedAt", "referral.outcome.date-in-future");
		assertThat(OutcomePolicy.forwarding(sent, sent.plusHours(3), SENT_AT, NOW).allowed()).isTrue();
	}

	@Test
	void anInterviewNamesARegisteredRoomOfTheProvinceAndARosteredInvestigatorActiveThatDay() {
		LocalDateTime held = LocalDateTime.of(2026, 11, 20, 10, 0);
		var room = new RegisterLookups.Room(1, PROVINCE_UNIT, "Phòng 1", LocalDate.of(2025, 1, 1), true);
		var investigator = member(WorkforceRole.POLICE_INVESTIGATOR, LocalDate.of(2020, 1, 1), null,
				LocalDate.of(2024, 5, 1));
		assertThat(interviewErrors(held, null, investigator)).containsEntry("room", "referral.interview.room-unknown");
		assertThat(interviewErrors(held,
				new RegisterLookups.Room(1, ELSEWHERE, "Phòng", LocalDate.of(2025, 1, 1), true), investigator))
			.containsEntry("room", "referral.interview.room-unknown");
		assertThat(
				interviewErrors(held, room, member(WorkforceRole.SOCIAL_WORKER, LocalDate.of(2020, 1, 1), null, null)))
			.containsEntry("investigator", "referral.interview.investigator-not-on-roster");
		assertThat(interviewErrors(held, room,
				member(WorkforceRole.POLICE_INVESTIGATOR, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 30), null)))
			.containsEntry("investigator", "referral.interview.investigator-not-on-roster");
		assertThat(interviewErrors(held.plusMonths(1), room, investigator)).containsEntry("heldAt",
				"referral.outcome.date-in-future");
	}

	@Test
	void whetherTheRoomIsChildFriendlyAndTheInvestigatorTrainedIsWhatTheRegistersSayOfTheDay() {
		LocalDateTime held = LocalDateTime.of(2026, 11, 20, 10, 0);
		var room = new RegisterLookups.Room(1, PROVINCE_UNIT, "Phòng 1", LocalDate.of(2025, 1, 1), true);
		var trained = member(WorkforceRole.POLICE_INVESTIGATOR, LocalDate.of(2020, 1, 1), null,
				LocalDate.of(2024, 5, 1));
		assertThat(interview(held, room, trained).value()).isEqualTo(new OutcomePolicy.InterviewFacts(true, true));
		var trainedLater = member(WorkforceRole.POLICE_INVESTIGATOR, LocalDate.of(2020, 1, 1), null,
				LocalDate.of(2026, 11, 21));
		var plainRoom = new RegisterLookups.Room(2, PROVINCE_UNIT, "Phòng 2", LocalDate.of(2025, 1, 1), false);
		assertThat(interview(held, plainRoom, trainedLater).value())
			.isEqualTo(new OutcomePolicy.InterviewFacts(false, false));
	}

	private static Map<String, String> errors(OutcomeKind kind, OutcomeReport report) {
		return OutcomePolicy.check(kind, report, SENT, TODAY, false).errors().asMap();
	}

	private static Verdict<OutcomePolicy.InterviewFacts> interview(LocalDateTime held, RegisterLookups.Room room,
			RegisterLookups.Member investigator) {
		return OutcomePolicy.interview(held, SENT_AT, NOW, room, investigator, PROVINCE_UNIT::equals);
	}

	private static Map<String, String> interviewErrors(LocalDateTime held, RegisterLookups.Room room,
			RegisterLookups.Member investigator) {
		return interview(held, room, investigator).errors().asMap();
	}

	private static RegisterLookups.Member member(WorkforceRole role, LocalDate from, LocalDate to, LocalDate trained) {
		return new RegisterLookups.Member(7, PROVINCE_UNIT, "Đại úy Lê Văn An", role, from, to, trained);
	}

	static SchoolOutcome school(LocalDate completed, LocalDate followUp) {
		return new SchoolOutcome(completed, List.of(SchoolOutcome.Measure.COUNSELLING), 3, true, followUp, null);
	}

	static HealthOutcome health(LocalDate examined, Boolean within72Hours) {
		return new HealthOutcome(TODAY, examined, "Vết bầm", "Băng bó", true, within72Hours, 2, null);
	}

	static PoliceOutcome police(PoliceOutcome.Decision decision, String reason, String body, LocalDate decided) {
		return new PoliceOutcome(TODAY, true, true, decision, decided, reason, body);
	}

	static ServiceOutcome service(LocalDate completed, LocalDate followUp) {
		return new ServiceOutcome(completed, 4, "Trẻ ổn định", followUp);
	}

}
