package vn.trean.children;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.function.Predicate;

import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Verdict;

/**
 * What a special-circumstance entry and a support must be to be recorded (a named
 * policy): a known group or measure; an entry that starts while the person is a child
 * (under 16 on that day: her birth date, else her birth year, else allowed), not in the
 * future, ends neither before it starts nor in the future, and overlaps no other entry of
 * the same group for the child (a duplicate); a support that ends no earlier than it
 * starts and names an agency the directory knows. Errors are keyed by the forms' field
 * names.
 */
final class CircumstancePolicy {

	private CircumstancePolicy() {
	}

	/**
	 * The entry's terms, refused or allowed.
	 * @param others the current spans of the child's other entries
	 */
	static Verdict<EntryTerms> entry(EntryTerms terms, Child child, LocalDate today,
			Collection<CircumstanceFacts.GroupSpan> others) {
		FormErrors errors = new FormErrors();
		if (terms.group() == null) {
			errors.reject("group", "validation.required");
		}
		LocalDate start = terms.startedOn();
		if (start == null) {
			errors.reject("startedOn", "validation.required");
		}
		else if (start.isAfter(today)) {
			errors.reject("startedOn", "circumstance.start.future");
		}
		else if (childBornAfter(child, start)) {
			errors.reject("startedOn", "circumstance.start.before-birth");
		}
		else if (ageOn(child, start) >= ChildRegistry.CHILD_AGE_LIMIT) {
			errors.reject("startedOn", "circumstance.start.too-old");
		}
		LocalDate end = terms.endedOn();
		if (end != null && start != null && end.isBefore(start)) {
			errors.reject("endedOn", "circumstance.end.before-start");
		}
		else if (end != null && end.isAfter(today)) {
			errors.reject("endedOn", "circumstance.end.future");
		}
		if (!errors.hasErrors() && overlapsAny(terms, others)) {
			errors.reject("group", "circumstance.duplicate");
		}
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(terms);
	}

	/** An end given to an open entry: required, then the entry's rules with it. */
	static Verdict<EntryTerms> end(EntryTerms current, @org.jspecify.annotations.Nullable LocalDate endedOn,
			Child child, LocalDate today, Collection<CircumstanceFacts.GroupSpan> others) {
		if (current.endedOn() != null) {
			return Verdict.refuse("endedOn", "circumstance.end.already-ended");
		}
		if (endedOn == null) {
			return Verdict.refuse("endedOn", "validation.required");
		}
		return entry(current.endedOn(endedOn), child, today, others);
	}

	/**
	 * The support's terms, refused or allowed.
	 * @param agencyKnown whether the directory knows an agency
	 */
	static Verdict<SupportTerms> support(SupportTerms terms, Predicate<AgencyId> agencyKnown) {
		FormErrors errors = new FormErrors();
		if (terms.kind() == null) {
			errors.reject("kind", "validation.required");
		}
		if (terms.from() == null) {
			errors.reject("from", "validation.required");
		}
		else if (terms.to() != null && terms.to().isBefore(terms.from())) {
			errors.reject("to", "support.to.before-from");
		}
		if (terms.agency() != null && !agencyKnown.test(terms.agency())) {
			errors.reject("agency", "support.agency.unknown");
		}
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(terms);
	}

	/**
	 * Her age on a day in whole years: from her birth date, or only from her birth year
	 * when the registry knows no more (as {@link Child#approximateAge} counts it); 0 when
	 * nothing is known, so an unknown age never refuses.
	 */
	static int ageOn(Child child, LocalDate day) {
		if (child.birthDate() == null) {
			return 0;
		}
		if (child.birthDateApproximate()) {
			return day.getYear() - child.birthDate().getYear();
		}
		return Period.between(child.birthDate(), day).getYears();
	}

	private static boolean childBornAfter(Child child, LocalDate day) {
		LocalDate born = child.birthDate();
		if (born == null) {
			return false;
		}
		return child.birthDateApproximate() ? born.getYear() > day.getYear() : born.isAfter(day);
	}

	private static boolean overlapsAny(EntryTerms terms, Collection<CircumstanceFacts.GroupSpan> others) {
		return others.stream()
			.anyMatch(o -> o.group() == terms.group() && !o.startedOn().isAfter(orFar(terms.endedOn()))
					&& !terms.startedOn().isAfter(orFar(o.endedOn())));
	}

	private static LocalDate orFar(@org.jspecify.annotations.Nullable LocalDate end) {
		return end == null ? LocalDate.MAX : end;
	}

}
