package vn.trean.registers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.registers.EventPolicy.EventEntry;
import vn.trean.registers.FacilityKind.CheckItem;
import vn.trean.registers.FacilityPolicy.FacilityEntry;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.registers.RoomPolicy.RoomEntry;
import vn.trean.registers.TrainingPolicy.RosterEntry;
import vn.trean.registers.TrainingPolicy.TrainingEntry;
import vn.trean.registers.WorkforcePolicy.MemberEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The registers' policies: the rules of entries, without Spring or a database. */
class RegisterPoliciesTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	private static final Function<UnitId, UnitStanding> USABLE = u -> UnitStanding.USABLE;

	private static final Map<Long, RosterEntry> ROSTER = Map.of(1L,
			new RosterEntry(1, WorkforceRole.COLLABORATOR, Sex.FEMALE), 2L,
			new RosterEntry(2, WorkforceRole.COLLABORATOR, Sex.MALE));

	private static Optional<RosterEntry> roster(long id) {
		return Optional.ofNullable(ROSTER.get(id));
	}

	private static TrainingEntry training(List<String> participants, Map<String, String> counts) {
		return new TrainingEntry("7", "2025-05-01", "Kỹ năng bảo vệ trẻ em", "Sở Y tế",
				TrainingKind.CHILD_PROTECTION_SKILLS, participants, counts);
	}

	@Test
	void countsTrainedFromTheRosterWhenNoCountsAreTyped() {
		var verdict = TrainingPolicy.training(training(List.of("1", "2"), Map.of()), TODAY, USABLE,
				RegisterPoliciesTests::roster);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().participants()).containsExactly(1L, 2L);
		assertThat(verdict.value().tally().get(WorkforceRole.COLLABORATOR))
			.isEqualTo(Map.of(Sex.FEMALE, 1, Sex.MALE, 1));
	}

	@Test
	void acceptsCountsThatMatchTheParticipantsChosen() {
		var verdict = TrainingPolicy.training(
				training(List.of("1", "2"), Map.of("count-COLLABORATOR-FEMALE", "1", "count-COLLABORATOR-MALE", "1")),
				TODAY, USABLE, RegisterPoliciesTests::roster);

		assertThat(verdict.allowed()).isTrue();
	}

	@Test
	void refusesCountsThatDoNotMatchTheParticipantsChosen() {
		var verdict = TrainingPolicy.training(training(List.of("1", "2"), Map.of("count-COLLABORATOR-FEMALE", "2")),
				TODAY, USABLE, RegisterPoliciesTests::roster);

		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.errors().get("counts")).isEqualTo("registers.training.counts-mismatch");
	}

	@Test
	void acceptsCountsAloneForPeopleNotOnTheRoster() {
		var verdict = TrainingPolicy.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "12")), TODAY, USABLE,
				RegisterPoliciesTests::roster);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().tally().get(WorkforceRole.VOLUNTEER).get(Sex.MALE)).isEqualTo(12);
	}

	@Test
	void refusesNegativeAndMalformedCounts() {
		assertThat(TrainingPolicy
			.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "-3")), TODAY, USABLE,
					RegisterPoliciesTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.count.negative");
		assertThat(TrainingPolicy
			.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "1.000")), TODAY, USABLE,
					RegisterPoliciesTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.count.malformed");
	}

	@Test
	void refusesAParticipantWhoIsNotOnTheRoster() {
		var verdict = TrainingPolicy.training(training(List.of("1", "99"), Map.of()), TODAY, USABLE,
				RegisterPoliciesTests::roster);

		assertThat(verdict.errors().get("participants")).isEqualTo("registers.training.unknown-member");
		assertThat(
				TrainingPolicy.training(training(List.of("x"), Map.of()), TODAY, USABLE, RegisterPoliciesTests::roster)
					.errors()
					.get("participants"))
			.isEqualTo("registers.training.unknown-member");
	}

	@Test
	void refusesATrainingWithNoOneAtAll() {
		assertThat(TrainingPolicy.training(training(List.of(), Map.of()), TODAY, USABLE, RegisterPoliciesTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.training.no-participants");
	}

	@Test
	void refusesAPastEventDatedInTheFuture() {
		var event = new EventEntry("7", "2025-07-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null, null);

		assertThat(EventPolicy.event(event, TODAY, USABLE).errors().get("heldOn")).isEqualTo("validation.date-future");
		assertThat(RoomPolicy.room(new RoomEntry("7", "Phòng 1", "2025-07-01", true), TODAY, USABLE)
			.errors()
			.get("establishedOn")).isEqualTo("validation.date-future");
	}

	@Test
	void refusesAUnitOutsideTheProvinceAndAnUnknownOne() {
		var room = new RoomEntry("7", "Phòng 1", "2025-01-01", true);

		assertThat(RoomPolicy.room(room, TODAY, u -> UnitStanding.OUTSIDE_PROVINCE).errors().get("unit"))
			.isEqualTo("registers.unit.outside-province");
		assertThat(RoomPolicy.room(room, TODAY, u -> UnitStanding.UNKNOWN).errors().get("unit"))
			.isEqualTo("validation.unit-unknown");
		assertThat(RoomPolicy.room(new RoomEntry("abc", "Phòng 1", "2025-01-01", true), TODAY, USABLE)
			.errors()
			.get("unit")).isEqualTo("validation.unit-unknown");
	}

	@Test
	void refusesAHouseholdListedTwiceInOneEvent() {
		var event = new EventEntry("7", "2025-05-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null,
				"hgd-001\nHGD-002\nhgd-001");

		var verdict = EventPolicy.event(event, TODAY, USABLE);

		assertThat(verdict.errors().get("households")).isEqualTo("registers.household.duplicate");
	}

	@Test
	void readsHouseholdCodesOneALineInCapitals() {
		var event = new EventEntry("7", "2025-05-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null,
				" hgd-001\r\n\r\nHGD-002 ");

		var verdict = EventPolicy.event(event, TODAY, USABLE);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().households()).containsExactly("HGD-001", "HGD-002");
	}

	@Test
	void refusesANegativeOrMalformedReach() {
		var negative = new EventEntry("7", "2025-05-01", "Họp", "Trực tiếp", "Cha mẹ", "-1", null, null);
		var malformed = new EventEntry("7", "2025-05-01", "Họp", "Trực tiếp", "Cha mẹ", "4O", null, null);

		assertThat(EventPolicy.event(negative, TODAY, USABLE).errors().get("reach"))
			.isEqualTo("registers.count.negative");
		assertThat(EventPolicy.event(malformed, TODAY, USABLE).errors().get("reach"))
			.isEqualTo("registers.count.malformed");
	}

	@Test
	void refusesAnAgencyOutsideTheProvinceAndAnEndBeforeTheStart() {
		var member = new MemberEntry("7", "Nguyễn Thị Lan", WorkforceRole.COLLABORATOR, Sex.FEMALE, "42", "2024-01-01",
				"2023-12-31");

		var verdict = WorkforcePolicy.member(member, USABLE, agency -> false);

		assertThat(verdict.errors().get("agency")).isEqualTo("registers.agency.outside-province");
		assertThat(verdict.errors().get("activeTo")).isEqualTo("validation.end-before-start");
	}

	@Test
	void keepsOnlyTheChecklistItemsOfTheFacilitysKind() {
		var school = new FacilityEntry("7", FacilityKind.SCHOOL, "Trường Tiểu học Cái Khế", "2025-03-01",
				List.of(CheckItem.PREVENTION_SESSION));
		var wrongItem = new FacilityEntry("7", FacilityKind.SCHOOL, "Trường Tiểu học Cái Khế", "2025-03-01",
				List.of(CheckItem.COUNSELLING));
		var noDate = new FacilityEntry("7", FacilityKind.SCHOOL, "Trường Tiểu học Cái Khế", "",
				List.of(CheckItem.PREVENTION_SESSION));

		assertThat(FacilityPolicy.facility(school, TODAY, USABLE).value().check().items())
			.containsExactly(FacilityKind.CheckItem.PREVENTION_SESSION);
		assertThat(FacilityPolicy.facility(wrongItem, TODAY, USABLE).errors().get("items"))
			.isEqualTo("validation.invalid");
		assertThat(FacilityPolicy.facility(noDate, TODAY, USABLE).errors().get("checkedOn"))
			.isEqualTo("registers.facility.check-needs-date");
	}

	// ---- corrections and deletions ----

	@Test
	void aCorrectionMustComeFromTheRecordsCurrentVersion() {
		assertThat(RegisterRules.sameVersion("3", 3)).isTrue();
		assertThat(RegisterRules.sameVersion(" 3 ", 3)).isTrue();
		assertThat(RegisterRules.sameVersion("2", 3)).isFalse();
		assertThat(RegisterRules.sameVersion("", 3)).isFalse();
		assertThat(RegisterRules.sameVersion("x", 0)).isFalse();
		assertThat(RegisterRules.sameVersion(null, 0)).isFalse();
	}

	@Test
	void aCorrectedMemberMeetsTheRulesOfANewOneAndStaysOnTheRostersOfItsTrainings() {
		var entry = new MemberEntry("7", "Nguyễn Thị Lan", WorkforceRole.COLLABORATOR, Sex.FEMALE, "", "2024-01-01",
				"2023-01-01");

		var verdict = WorkforcePolicy.memberChange(entry, USABLE, a -> true, unit -> false);

		assertThat(verdict.errors().get("activeTo")).isEqualTo("validation.end-before-start");
		assertThat(verdict.errors().get("unit")).isEqualTo("registers.member.outside-trainings");
		var moved = new MemberEntry("8", "Nguyễn Thị Lan", WorkforceRole.COLLABORATOR, Sex.FEMALE, "", "2024-01-01",
				"");
		assertThat(WorkforcePolicy.memberChange(moved, USABLE, a -> true, unit -> unit.value() == 8).allowed())
			.isTrue();
	}

	@Test
	void aMemberATrainingListsIsNotDeleted() {
		assertThat(WorkforcePolicy.memberRemoval(0).allowed()).isTrue();
		assertThat(WorkforcePolicy.memberRemoval(2).errors().get("record")).isEqualTo("registers.member.in-trainings");
	}

	@Test
	void aFacilitysKindStaysOnceItHasChecks() {
		var school = new FacilityEntry("7", FacilityKind.SCHOOL, "Trường Tiểu học An Hòa", "2025-01-01",
				List.of(CheckItem.COUNSELLING));

		var withChecks = FacilityPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.HEALTH_FACILITY, true);
		var withoutChecks = FacilityPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.HEALTH_FACILITY, false);

		assertThat(withChecks.errors().get("kind")).isEqualTo("registers.facility.kind-has-checks");
		// a correction of the facility never carries a check: those are corrected one by
		// one
		assertThat(withoutChecks.allowed()).isTrue();
		assertThat(withoutChecks.value().check()).isNull();
		assertThat(FacilityPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.SCHOOL, true).allowed()).isTrue();
	}

}
