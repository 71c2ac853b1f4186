package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.children.Child;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * Whether a consent counts (Law on Children 2016 Art. 6 and 21; docs/domain.md §4): from
 * 7 years old the child's own consent and that of a parent or guardian; under 7 the
 * parent's or guardian's alone, a child's never; each given in writing with a signed form
 * or orally before a named witness, at a time neither in the future nor before the case
 * opened. Refusals are by field of the consent form ({@code childName},
 * {@code carerGivenAt}, {@code file}, …).
 */
final class ConsentPolicy {

	/** The age from which a child's own consent is needed, and counted. */
	static final int AGE_OF_CONSENT = 7;

	static final int NAME_MAX = 200;

	private ConsentPolicy() {
	}

	/**
	 * The child's age on the day the consent is recorded, or the reasons it does not
	 * count: who gave it, how, and the texts typed.
	 */
	static Verdict<Integer> check(ConsentDraft draft, Child child, LocalDate day) {
		FormErrors errors = new FormErrors();
		Integer age = ageOn(child, day, draft.ageOnDay());
		if (age == null) {
			errors.reject("ageOnDay", "consent.age-unknown");
		}
		else if (age < 0 || age > 17) {
			errors.reject("ageOnDay", "consent.age-range");
		}
		List<ConsentDraft.Giver> children = draft.givers()
			.stream()
			.filter(g -> g.role() == ConsentDraft.Role.CHILD)
			.toList();
		long carers = draft.givers().stream().filter(g -> g.role() != ConsentDraft.Role.CHILD).count();
		if (age != null && age >= AGE_OF_CONSENT && children.isEmpty()) {
			errors.reject("childName", "consent.child-required");
		}
		if (age != null && age < AGE_OF_CONSENT && !children.isEmpty()) {
			errors.reject("childName", "consent.child-under-seven");
		}
		if (children.size() > 1) {
			errors.reject("childName", "consent.child-once");
		}
		if (carers != 1) {
			errors.reject("carerName", "consent.carer-required");
		}
		draft.givers().forEach(giver -> checkGiver(giver, draft.signedForm(), errors));
		errors.checkText("purposeNote", draft.purposeNote(), draft.purpose() == SharingPurpose.OTHER, 1000);
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(age);
	}

	private static void checkGiver(ConsentDraft.Giver giver, boolean signedForm, FormErrors errors) {
		String field = giver.role().field();
		errors.checkText(field + "Name", giver.name(), true, NAME_MAX);
		if (giver.method() == null) {
			errors.reject(field + "Method", "validation.required");
		}
		if (giver.givenAt() == null) {
			errors.reject(field + "GivenAt", "validation.required");
		}
		if (giver.method() == ConsentDraft.Method.WRITTEN && !signedForm) {
			errors.reject("file", "consent.written-needs-form");
		}
		errors.checkText(field + "WitnessRole", giver.witnessRole(), false, NAME_MAX);
		if (giver.method() == ConsentDraft.Method.ORAL && blank(giver.witnessName())) {
			errors.reject(field + "WitnessName", "consent.oral-needs-witness");
		}
		else {
			errors.checkText(field + "WitnessName", giver.witnessName(), false, NAME_MAX);
		}
	}

	/**
	 * Each giver's time neither after {@code now} nor before the case opened (to the
	 * minute, as a form gives it).
	 */
	static Verdict<Void> timing(ConsentDraft draft, Instant openedAt, Instant now) {
		FormErrors errors = new FormErrors();
		Instant opened = openedAt.truncatedTo(ChronoUnit.MINUTES);
		for (ConsentDraft.Giver giver : draft.givers()) {
			LocalDateTime at = giver.givenAt();
			if (at != null) {
				Instant given = at.atZone(Time.ZONE).toInstant();
				if (given.isAfter(now) || given.isBefore(opened)) {
					errors.reject(giver.role().field() + "GivenAt", "consent.given-at.range");
				}
			}
		}
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(null);
	}

	/**
	 * The child's age on the day: from an exact birth date, from the estimated age, else
	 * the age the officer gives; null when none is known.
	 */
	static @Nullable Integer ageOn(Child child, LocalDate day, @Nullable Integer typed) {
		if (child.birthDate() != null && !child.birthDateApproximate()) {
			return Period.between(child.birthDate(), day).getYears();
		}
		Integer estimated = child.approximateAge(day);
		return estimated != null ? estimated : typed;
	}

	/**
	 * Whether a consent still counts on the day: one the child gave does; one a parent or
	 * guardian gave alone counts only while the child is under 7. For a child whose age
	 * was given on the form, the years since are added to it.
	 */
	static boolean counts(boolean childGave, Child child, LocalDate recordedOn, int ageWhenRecorded, LocalDate day) {
		if (childGave) {
			return true;
		}
		int since = day.isAfter(recordedOn) ? Period.between(recordedOn, day).getYears() : 0;
		Integer age = ageOn(child, day, ageWhenRecorded + since);
		return age != null && age < AGE_OF_CONSENT;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
