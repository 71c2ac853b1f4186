package vn.trean.registers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterPolicy.RosterEntry;
import vn.trean.registers.RegisterPolicy.UnitStanding;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of register entries, without Spring or a database. */
class RegisterPolicyTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	private static final Function<UnitId, UnitStanding> USABLE = u -> UnitStanding.USABLE;

	private static final Map<Long, RosterEntry> ROSTER = Map.of(1L,
			new RosterEntry(1, WorkforceRole.COLLABORATOR, Sex.FEMALE), 2L,
			new RosterEntry(2, WorkforceRole.COLLABORATOR, Sex.MALE));

	private static Optional<RosterEntry> roster(long id) {
		return Optional.ofNullable(ROSTER.get(id));
	}

	private static RegisterPolicy.TrainingEntry training(List<String> participants, Map<String, String> counts) {
		return new RegisterPolicy.TrainingEntry("7", "2025-05-01", "Kỹ năng bảo vệ trẻ em", "Sở Y tế",
				"CHILD_PROTECTION_SKILLS", participants, counts);
	}

	@Test
	void countsTrainedFromTheRosterWhenNoCountsAreTyped() {
		var verdict = RegisterPolicy.training(training(List.of("1", "2"), Map.of()), TODAY, USABLE,
				RegisterPolicyTests::roster);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().participants()).containsExactly(1L, 2L);
		assertThat(verdict.value().tally().get(WorkforceRole.COLLABORATOR))
			.isEqualTo(Map.of(Sex.FEMALE, 1, Sex.MALE, 1));
	}

	@Test
	void acceptsCountsThatMatchTheParticipantsChosen() {
		var verdict = RegisterPolicy.training(
				training(List.of("1", "2"), Map.of("count-COLLABORATOR-FEMALE", "1", "count-COLLABORATOR-MALE", "1")),
				TODAY, USABLE, RegisterPolicyTests::roster);

		assertThat(verdict.allowed()).isTrue();
	}

	@Test
	void refusesCountsThatDoNotMatchTheParticipantsChosen() {
		var verdict = RegisterPolicy.training(training(List.of("1", "2"), Map.of("count-COLLABORATOR-FEMALE", "2")),
				TODAY, USABLE, RegisterPolicyTests::roster);

		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.errors().get("counts")).isEqualTo("registers.training.counts-mismatch");
	}

	@Test
	void acceptsCountsAloneForPeopleNotOnTheRoster() {
		var verdict = RegisterPolicy.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "12")), TODAY, USABLE,
				RegisterPolicyTests::roster);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().tally().get(WorkforceRole.VOLUNTEER).get(Sex.MALE)).isEqualTo(12);
	}

	@Test
	void refusesNegativeAndMalformedCounts() {
		assertThat(RegisterPolicy
			.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "-3")), TODAY, USABLE,
					RegisterPolicyTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.count.negative");
		assertThat(RegisterPolicy
			.training(training(List.of(), Map.of("count-VOLUNTEER-MALE", "1.000")), TODAY, USABLE,
					RegisterPolicyTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.count.malformed");
	}

	@Test
	void refusesAParticipantWhoIsNotOnTheRoster() {
		var verdict = RegisterPolicy.training(training(List.of("1", "99"), Map.of()), TODAY, USABLE,
				RegisterPolicyTests::roster);

		assertThat(verdict.errors().get("participants")).isEqualTo("registers.training.unknown-member");
		assertThat(RegisterPolicy.training(training(List.of("x"), Map.of()), TODAY, USABLE, RegisterPolicyTests::roster)
			.errors()
			.get("participants")).isEqualTo("registers.training.unknown-member");
	}

	@Test
	void refusesATrainingWithNoOneAtAll() {
		assertThat(RegisterPolicy.training(training(List.of(), Map.of()), TODAY, USABLE, RegisterPolicyTests::roster)
			.errors()
			.get("counts")).isEqualTo("registers.training.no-participants");
	}

	@Test
	void refusesAPastEventDatedInTheFuture() {
		var event = new RegisterPolicy.EventEntry("7", "2025-07-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null,
				null);

		assertThat(RegisterPolicy.event(event, TODAY, USABLE).errors().get("heldOn"))
			.isEqualTo("validation.date-future");
		assertThat(
				RegisterPolicy.room(new RegisterPolicy.RoomEntry("7", "Phòng 1", "2025-07-01", "true"), TODAY, USABLE)
					.errors()
					.get("establishedOn"))
			.isEqualTo("validation.date-future");
	}

	@Test
	void refusesAUnitOutsideTheProvinceAndAnUnknownOne() {
		var room = new RegisterPolicy.RoomEntry("7", "Phòng 1", "2025-01-01", "true");

		assertThat(RegisterPolicy.room(room, TODAY, u -> UnitStanding.OUTSIDE_PROVINCE).errors().get("unit"))
			.isEqualTo("registers.unit.outside-province");
		assertThat(RegisterPolicy.room(room, TODAY, u -> UnitStanding.UNKNOWN).errors().get("unit"))
			.isEqualTo("validation.unit-unknown");
		assertThat(
				RegisterPolicy.room(new RegisterPolicy.RoomEntry("abc", "Phòng 1", "2025-01-01", "true"), TODAY, USABLE)
					.errors()
					.get("unit"))
			.isEqualTo("validation.unit-unknown");
	}

	@Test
	void refusesAHouseholdListedTwiceInOneEvent() {
		var event = new RegisterPolicy.EventEntry("7", "2025-05-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null,
				"hgd-001\nHGD-002\nhgd-001");

		var verdict = RegisterPolicy.event(event, TODAY, USABLE);

		assertThat(verdict.errors().get("households")).isEqualTo("registers.household.duplicate");
	}

	@Test
	void readsHouseholdCodesOneALineInCapitals() {
		var event = new RegisterPolicy.EventEntry("7", "2025-05-01", "Họp phụ huynh", "Trực tiếp", "Cha mẹ", "40", null,
				" hgd-001\r\n\r\nHGD-002 ");

		var verdict = RegisterPolicy.event(event, TODAY, USABLE);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().households()).containsExactly("HGD-001", "HGD-002");
	}

	@Test
	void refusesANegativeOrMalformedReach() {
		var negative = new RegisterPolicy.EventEntry("7", "2025-05-01", "Họp", "Trực tiếp", "Cha mẹ", "-1", null, null);
		var malformed = new RegisterPolicy.EventEntry("7", "2025-05-01", "Họp", "Trực tiếp", "Cha mẹ", "4O", null,
				null);

		assertThat(RegisterPolicy.event(negative, TODAY, USABLE).errors().get("reach"))
			.isEqualTo("registers.count.negative");
		assertThat(RegisterPolicy.event(malformed, TODAY, USABLE).errors().get("reach"))
			.isEqualTo("registers.count.malformed");
	}

	@Test
	void refusesAnAgencyOutsideTheProvinceAndAnEndBeforeTheStart() {
		var member = new RegisterPolicy.MemberEntry("7", "Nguyễn Thị Lan", "COLLABORATOR", "FEMALE", "42", "2024-01-01",
				"2023-12-31");

		var verdict = RegisterPolicy.member(member, USABLE, agency -> false);

		assertThat(verdict.errors().get("agency")).isEqualTo("registers.agency.outside-province");
		assertThat(verdict.errors().get("activeTo")).isEqualTo("validation.end-before-start");
	}

	@Test
	void keepsOnlyTheChecklistItemsOfTheFacilitysKind() {
		var school = new RegisterPolicy.FacilityEntry("7", "SCHOOL", "Trường Tiểu học Cái Khế", "2025-03-01",
				List.of("PREVENTION_SESSION"));
		var wrongItem = new RegisterPolicy.FacilityEntry("7", "SCHOOL", "Trường Tiểu học Cái Khế", "2025-03-01",
				List.of("COUNSELLING"));
		var noDate = new RegisterPolicy.FacilityEntry("7", "SCHOOL", "Trường Tiểu học Cái Khế", "",
				List.of("PREVENTION_SESSION"));

		assertThat(RegisterPolicy.facility(school, TODAY, USABLE).value().check().items())
			.containsExactly(FacilityKind.CheckItem.PREVENTION_SESSION);
		assertThat(RegisterPolicy.facility(wrongItem, TODAY, USABLE).errors().get("items"))
			.isEqualTo("validation.invalid");
		assertThat(RegisterPolicy.facility(noDate, TODAY, USABLE).errors().get("checkedOn"))
			.isEqualTo("registers.facility.check-needs-date");
	}

	// ---- corrections and deletions ----

	@Test
	void aCorrectionMustComeFromTheRecordsCurrentVersion() {
		assertThat(RegisterPolicy.sameVersion("3", 3)).isTrue();
		assertThat(RegisterPolicy.sameVersion(" 3 ", 3)).isTrue();
		assertThat(RegisterPolicy.sameVersion("2", 3)).isFalse();
		assertThat(RegisterPolicy.sameVersion("", 3)).isFalse();
		assertThat(RegisterPolicy.sameVersion("x", 0)).isFalse();
		assertThat(RegisterPolicy.sameVersion(null, 0)).isFalse();
	}

	@Test
	void aCorrectedMemberMeetsTheRulesOfANewOneAndStaysOnTheRostersOfItsTrainings() {
		var entry = new RegisterPolicy.MemberEntry("7", "Nguyễn Thị Lan", "COLLABORATOR", "FEMALE", "", "2024-01-01",
				"2023-01-01");

		var verdict = RegisterPolicy.memberChange(entry, USABLE, a -> true, unit -> false);

		assertThat(verdict.errors().get("activeTo")).isEqualTo("validation.end-before-start");
		assertThat(verdict.errors().get("unit")).isEqualTo("registers.member.outside-trainings");
		var moved = new RegisterPolicy.MemberEntry("8", "Nguyễn Thị Lan", "COLLABORATOR", "FEMALE", "", "2024-01-01",
				"");
		assertThat(RegisterPolicy.memberChange(moved, USABLE, a -> true, unit -> unit.value() == 8).allowed()).isTrue();
	}

	@Test
	void aMemberATrainingListsIsNotDeleted() {
		assertThat(RegisterPolicy.memberRemoval(0).allowed()).isTrue();
		assertThat(RegisterPolicy.memberRemoval(2).errors().get("record")).isEqualTo("registers.member.in-trainings");
	}

	@Test
	void aFacilitysKindStaysOnceItHasChecks() {
		var school = new RegisterPolicy.FacilityEntry("7", "SCHOOL", "Trường Tiểu học An Hòa", "2025-01-01",
				List.of("COUNSELLING"));

		var withChecks = RegisterPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.HEALTH_FACILITY, true);
		var withoutChecks = RegisterPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.HEALTH_FACILITY, false);

		assertThat(withChecks.errors().get("kind")).isEqualTo("registers.facility.kind-has-checks");
		// a correction of the facility never carries a check: those are corrected one by
		// one
		assertThat(withoutChecks.allowed()).isTrue();
		assertThat(withoutChecks.value().check()).isNull();
		assertThat(RegisterPolicy.facilityChange(school, TODAY, USABLE, FacilityKind.SCHOOL, true).allowed()).isTrue();
	}

}
