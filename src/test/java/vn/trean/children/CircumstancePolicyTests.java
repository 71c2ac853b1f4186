package vn.trean.children;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a special-circumstance entry and of a support, without Spring. */
class CircumstancePolicyTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static final UnitId COMMUNE = new UnitId(1);

	private static Child bornOn(LocalDate born, boolean yearOnly) {
		return new Child(new ChildId(1), new ChildReference(UUID.randomUUID()), "Lê Thị Hoa", Sex.FEMALE, born,
				yearOnly, null, COMMUNE, null, null, null);
	}

	private static final Child TEN = bornOn(LocalDate.of(2016, 5, 20), false);

	private static final Child BIRTH_UNKNOWN = new Child(new ChildId(2), new ChildReference(UUID.randomUUID()),
			"Lê Văn Nam", Sex.MALE, null, false, null, COMMUNE, null, null, null);

	private static EntryTerms terms(SpecialCircumstance group, LocalDate start, LocalDate end) {
		return new EntryTerms(group, start, end, "Biên bản xác minh");
	}

	private static Verdict<EntryTerms> check(EntryTerms terms, Child child, CircumstanceFacts.GroupSpan... others) {
		return CircumstancePolicy.entry(terms, child, TODAY, List.of(others));
	}

	private static CircumstanceFacts.GroupSpan open(SpecialCircumstance group, LocalDate start) {
		return new CircumstanceFacts.GroupSpan(9, group, COMMUNE, start, null);
	}

	@Test
	void allowsAnEntryOfAChildWithinHerChildhood() {
		Verdict<EntryTerms> verdict = check(terms(SpecialCircumstance.DISABILITY, LocalDate.of(2020, 1, 1), null), TEN);

		assertThat(verdict.allowed()).isTrue();
		assertThat(verdict.value().group()).isEqualTo(SpecialCircumstance.DISABILITY);
	}

	@Test
	void refusesAStartOnWhichTheChildWasAlreadySixteenByHerBirthDate() {
		Child born2008 = bornOn(LocalDate.of(2008, 11, 30), false);

		assertThat(check(terms(SpecialCircumstance.ABANDONED, LocalDate.of(2024, 11, 30), null), born2008).reason())
			.isEqualTo("circumstance.start.too-old");
		assertThat(check(terms(SpecialCircumstance.ABANDONED, LocalDate.of(2024, 11, 29), null), born2008).allowed())
			.as("the day before her sixteenth birthday")
			.isTrue();
	}

	@Test
	void refusesAStartInTheYearSheTurnsSixteenWhenOnlyHerBirthYearIsKnown() {
		Child yearOnly = bornOn(LocalDate.of(2009, 1, 1), true);

		Verdict<EntryTerms> refused = check(terms(SpecialCircumstance.EXPLOITED, LocalDate.of(2025, 2, 1), null),
				yearOnly);

		assertThat(refused.field()).isEqualTo("startedOn");
		assertThat(refused.reason()).isEqualTo("circumstance.start.too-old");
		assertThat(check(terms(SpecialCircumstance.EXPLOITED, LocalDate.of(2024, 12, 31), null), yearOnly).allowed())
			.isTrue();
	}

	@Test
	void allowsAnyStartInThePastWhenNothingOfHerBirthIsKnown() {
		assertThat(
				check(terms(SpecialCircumstance.TRAFFICKED, LocalDate.of(1990, 1, 1), null), BIRTH_UNKNOWN).allowed())
			.isTrue();
	}

	@Test
	void refusesAStartInTheFuture() {
		Verdict<EntryTerms> refused = check(terms(SpecialCircumstance.DISABILITY, TODAY.plusDays(1), null), TEN);

		assertThat(refused.field()).isEqualTo("startedOn");
		assertThat(refused.reason()).isEqualTo("circumstance.start.future");
	}

	@Test
	void refusesAStartBeforeTheChildWasBorn() {
		assertThat(check(terms(SpecialCircumstance.DISABILITY, LocalDate.of(2016, 5, 19), null), TEN).reason())
			.isEqualTo("circumstance.start.before-birth");
	}

	@Test
	void refusesAnEndBeforeItsStartAndAnEndInTheFuture() {
		Verdict<EntryTerms> before = check(
				terms(SpecialCircumstance.DISABILITY, LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1)), TEN);
		Verdict<EntryTerms> future = check(
				terms(SpecialCircumstance.DISABILITY, LocalDate.of(2024, 3, 2), TODAY.plusDays(1)), TEN);

		assertThat(before.field()).isEqualTo("endedOn");
		assertThat(before.reason()).isEqualTo("circumstance.end.before-start");
		assertThat(future.reason()).isEqualTo("circumstance.end.future");
	}

	@Test
	void refusesAnEntryOfTheSameGroupOverlappingAnOpenOneAsADuplicate() {
		CircumstanceFacts.GroupSpan openSince2023 = open(SpecialCircumstance.SEXUALLY_ABUSED, LocalDate.of(2023, 6, 1));

		Verdict<EntryTerms> duplicate = check(
				terms(SpecialCircumstance.SEXUALLY_ABUSED, LocalDate.of(2024, 1, 1), null), TEN, openSince2023);

		assertThat(duplicate.field()).isEqualTo("group");
		assertThat(duplicate.reason()).isEqualTo("circumstance.duplicate");
		assertThat(
				check(terms(SpecialCircumstance.SEXUALLY_ABUSED, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 5, 31)),
						TEN, openSince2023)
					.allowed())
			.as("an earlier span that ended the day before")
			.isTrue();
		assertThat(check(terms(SpecialCircumstance.EXPLOITED, LocalDate.of(2024, 1, 1), null), TEN, openSince2023)
			.allowed()).as("another group").isTrue();
	}

	@Test
	void refusesAnEntryWithoutAGroupOrAStart() {
		Verdict<EntryTerms> refused = check(new EntryTerms(null, null, null, null), TEN);

		assertThat(refused.errors().get("group")).isEqualTo("validation.required");
		assertThat(refused.errors().get("startedOn")).isEqualTo("validation.required");
	}

	@Test
	void refusesToEndAnEntryTwiceOrWithoutADay() {
		EntryTerms open = terms(SpecialCircumstance.DISABILITY, LocalDate.of(2024, 3, 2), null);
		EntryTerms ended = terms(SpecialCircumstance.DISABILITY, LocalDate.of(2024, 3, 2), LocalDate.of(2025, 1, 1));

		assertThat(CircumstancePolicy.end(ended, TODAY, TEN, TODAY, List.of()).reason())
			.isEqualTo("circumstance.end.already-ended");
		assertThat(CircumstancePolicy.end(open, null, TEN, TODAY, List.of()).reason()).isEqualTo("validation.required");
		assertThat(CircumstancePolicy.end(open, LocalDate.of(2024, 3, 1), TEN, TODAY, List.of()).reason())
			.isEqualTo("circumstance.end.before-start");
		assertThat(CircumstancePolicy.end(open, TODAY, TEN, TODAY, List.of()).value().endedOn()).isEqualTo(TODAY);
	}

	@Test
	void refusesASupportWithoutAKindOrWhoseEndIsBeforeItsStart() {
		Verdict<SupportTerms> noKind = CircumstancePolicy
			.support(new SupportTerms(null, LocalDate.of(2025, 1, 1), null, null, "Trạm y tế"), a -> true);
		Verdict<SupportTerms> backwards = CircumstancePolicy.support(new SupportTerms(SupportKind.HEALTHCARE,
				LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1), null, null), a -> true);

		assertThat(noKind.field()).isEqualTo("kind");
		assertThat(noKind.reason()).isEqualTo("validation.required");
		assertThat(backwards.field()).isEqualTo("to");
		assertThat(backwards.reason()).isEqualTo("support.to.before-from");
	}

	@Test
	void refusesASupportByAnAgencyTheDirectoryDoesNotKnow() {
		SupportTerms terms = new SupportTerms(SupportKind.LEGAL_AID, LocalDate.of(2025, 1, 1), null, new AgencyId(77),
				null);

		assertThat(CircumstancePolicy.support(terms, a -> false).reason()).isEqualTo("support.agency.unknown");
		assertThat(CircumstancePolicy.support(terms, a -> a.value() == 77).allowed()).isTrue();
	}

}
