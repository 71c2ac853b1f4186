package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.trean.children.Child;
import vn.trean.children.ChildId;
import vn.trean.children.ChildReference;
import vn.trean.children.Sex;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentPolicyTests {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 9, 30);

	@Test
	void aSixYearOldsCarerConsentsAloneAndTheAgeComesFromTheExactBirthDate() {
		Verdict<Integer> verdict = ConsentPolicy.check(draft(null, carer(ConsentDraft.Method.ORAL)), born(2020, 12, 8),
				DAY);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value()).isEqualTo(5);
		assertThat(ConsentPolicy.check(draft(null, carer(ConsentDraft.Method.ORAL)), born(2020, 12, 7), DAY).value())
			.isEqualTo(6);
	}

	@Test
	void aSixYearOldGivenAsConsentingIsNotCountedAsTheChildsConsent() {
		Verdict<Integer> verdict = ConsentPolicy.check(
				draft(null, child(ConsentDraft.Method.ORAL), carer(ConsentDraft.Method.ORAL)), born(2020, 1, 1), DAY);

		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.errors().asMap()).containsEntry("childName", "consent.child-under-seven");
	}

	@Test
	void onTheSeventhBirthdayTheChildsOwnConsentIsNeeded() {
		Verdict<Integer> without = ConsentPolicy.check(draft(null, carer(ConsentDraft.Method.ORAL)), born(2019, 12, 7),
				DAY);
		Verdict<Integer> with = ConsentPolicy.check(
				draft(null, child(ConsentDraft.Method.ORAL), carer(ConsentDraft.Method.ORAL)), born(2019, 12, 7), DAY);

		assertThat(without.errors().asMap()).containsEntry("childName", "consent.child-required");
		assertThat(with.allowed()).isTrue();
		assertThat(with.value()).isEqualTo(7);
	}

	@Test
	void anEstimatedAgeCountsAsTheAgeOnTheDay() {
		Child aboutSeven = new Child(new ChildId(1), new ChildReference(UUID.randomUUID()), "Lê Thị Hoa", Sex.FEMALE,
				LocalDate.of(2019, 1, 1), true, null, null, null, null, null);

		assertThat(ConsentPolicy.check(draft(null, carer(ConsentDraft.Method.ORAL)), aboutSeven, DAY).errors().asMap())
			.containsEntry("childName", "consent.child-required");
	}

	@Test
	void anUnknownAgeMustBeGivenAndThenDecides() {
		Child unknown = born(null);

		assertThat(ConsentPolicy.check(draft(null, carer(ConsentDraft.Method.ORAL)), unknown, DAY).errors().asMap())
			.containsEntry("ageOnDay", "consent.age-unknown");
		assertThat(ConsentPolicy.check(draft(6, carer(ConsentDraft.Method.ORAL)), unknown, DAY).allowed()).isTrue();
		assertThat(ConsentPolicy.check(draft(9, carer(ConsentDraft.Method.ORAL)), unknown, DAY).errors().asMap())
			.containsEntry("childName", "consent.child-required");
		assertThat(ConsentPolicy.check(draft(18, carer(ConsentDraft.Method.ORAL)), unknown, DAY).errors().asMap())
			.containsEntry("ageOnDay", "consent.age-range");
	}

	@Test
	void exactlyOneParentOrGuardianConsents() {
		Child nine = born(2017, 5, 1);
		ConsentDraft.Giver guardian = new ConsentDraft.Giver(ConsentDraft.Role.GUARDIAN, "Bà Lan",
				ConsentDraft.Method.ORAL, AT, "Ông Tư", "Trưởng ấp");

		assertThat(ConsentPolicy.check(draft(null, child(ConsentDraft.Method.ORAL)), nine, DAY).errors().asMap())
			.containsEntry("carerName", "consent.carer-required");
		assertThat(ConsentPolicy
			.check(draft(null, child(ConsentDraft.Method.ORAL), carer(ConsentDraft.Method.ORAL), guardian), nine, DAY)
			.errors()
			.asMap()).containsEntry("carerName", "consent.carer-required");
	}

	@Test
	void writingNeedsTheSignedFormAndSpeechANamedWitness() {
		Child nine = born(2017, 5, 1);
		ConsentDraft written = draft(null, child(ConsentDraft.Method.WRITTEN), carer(ConsentDraft.Method.ORAL));
		ConsentDraft.Giver unwitnessed = new ConsentDraft.Giver(ConsentDraft.Role.PARENT, "Trần Văn Ba",
				ConsentDraft.Method.ORAL, AT, " ", null);

		assertThat(ConsentPolicy.check(written, nine, DAY).errors().asMap()).containsEntry("file",
				"consent.written-needs-form");
		assertThat(ConsentPolicy.check(written.withSignedForm(true), nine, DAY).allowed()).isTrue();
		assertThat(ConsentPolicy
			.check(draft(null, child(ConsentDraft.Method.WRITTEN), unwitnessed).withSignedForm(true), nine, DAY)
			.errors()
			.asMap()).containsEntry("carerWitnessName", "consent.oral-needs-witness");
	}

	@Test
	void consentIsGivenNeitherInTheFutureNorBeforeTheCaseOpened() {
		Instant opened = Instant.parse("2026-12-07T01:00:00Z");
		Instant now = Instant.parse("2026-12-07T03:00:00Z");
		ConsentDraft.Giver early = new ConsentDraft.Giver(ConsentDraft.Role.PARENT, "Trần Văn Ba",
				ConsentDraft.Method.ORAL, LocalDateTime.of(2026, 12, 7, 7, 59), "Ông Tư", null);
		ConsentDraft.Giver late = new ConsentDraft.Giver(ConsentDraft.Role.CHILD, "Trần Thị Bé",
				ConsentDraft.Method.ORAL, LocalDateTime.of(2026, 12, 7, 10, 1), "Ông Tư", null);

		assertThat(ConsentPolicy.timing(draft(null, late, early), opened, now).errors().asMap())
			.containsEntry("carerGivenAt", "consent.given-at.range")
			.containsEntry("childGivenAt", "consent.given-at.range");
		assertThat(ConsentPolicy.timing(draft(null, carer(ConsentDraft.Method.ORAL)), opened, now).allowed()).isTrue();
	}

	@Test
	void aCarerOnlyConsentStopsCountingOnTheSeventhBirthdayAfterIt() {
		Child six = born(2020, 3, 1);
		LocalDate recorded = LocalDate.of(2027, 1, 10);

		assertThat(ConsentPolicy.counts(false, six, recorded, 6, LocalDate.of(2027, 2, 28))).isTrue();
		assertThat(ConsentPolicy.counts(false, six, recorded, 6, LocalDate.of(2027, 3, 1))).isFalse();
		assertThat(ConsentPolicy.counts(true, six, recorded, 6, LocalDate.of(2027, 3, 1))).isTrue();
	}

	@Test
	void aCarerOnlyConsentForAChildOfAGivenAgeStopsCountingAYearLaterAtTheLatest() {
		Child unknown = born(null);
		LocalDate recorded = LocalDate.of(2026, 6, 1);

		assertThat(ConsentPolicy.counts(false, unknown, recorded, 6, LocalDate.of(2027, 5, 31))).isTrue();
		assertThat(ConsentPolicy.counts(false, unknown, recorded, 6, LocalDate.of(2027, 6, 1))).isFalse();
	}

	private static ConsentDraft draft(Integer ageOnDay, ConsentDraft.Giver... givers) {
		return new ConsentDraft(new ChildId(1), SharingPurpose.HEALTH_CARE, null, ageOnDay, List.of(givers), false);
	}

	private static ConsentDraft.Giver child(ConsentDraft.Method method) {
		return new ConsentDraft.Giver(ConsentDraft.Role.CHILD, "Trần Thị Bé", method, AT, "Ông Tư", "Trưởng ấp");
	}

	private static ConsentDraft.Giver carer(ConsentDraft.Method method) {
		return new ConsentDraft.Giver(ConsentDraft.Role.PARENT, "Trần Văn Ba", method, AT, "Ông Tư", "Trưởng ấp");
	}

	private static Child born(int year, int month, int day) {
		return born(LocalDate.of(year, month, day));
	}

	private static Child born(LocalDate birthDate) {
		return new Child(new ChildId(1), new ChildReference(UUID.randomUUID()), "Trần Thị Bé", Sex.FEMALE, birthDate,
				false, null, null, null, null, null);
	}

}
