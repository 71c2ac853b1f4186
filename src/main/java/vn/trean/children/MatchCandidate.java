package vn.trean.children;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.trean.shared.VietnameseText;

/**
 * The details of a child being entered as the duplicate search compares them: her folded
 * name, given name and parent's name, her birth date (or the one her age gives) and her
 * identification number when it is valid (an invalid number matches nothing).
 */
record MatchCandidate(ChildDetails details, LocalDate born, String nameKey, String given, String parentKey,
		String pid) {

	static MatchCandidate of(ChildDetails details, LocalDate today) {
		String parentKey = details.parentName() == null || details.parentName().isBlank() ? null
				: VietnameseText.fold(details.parentName());
		String pid = null;
		try {
			PersonalIdNumber parsed = PersonalIdNumber.parse(details.personalId());
			pid = parsed == null ? null : parsed.value();
		}
		catch (InvalidPersonalIdNumber ignored) {
			// an invalid number matches nothing
		}
		return new MatchCandidate(details, details.effectiveBirthDate(today), VietnameseText.fold(details.fullName()),
				ChildRegistry.givenKey(details.fullName()), parentKey, pid);
	}

	/** The birth year searched around; a year no child has when none is known. */
	int year() {
		return born == null ? -10 : born.getYear();
	}

	/** How much a registered child looks like this one, and why. */
	ChildMatch score(Child child) {
		int score = 0;
		List<String> reasons = new ArrayList<>();
		if (pid != null && child.personalId() != null && pid.equals(child.personalId().value())) {
			score += 100;
			reasons.add("child.match.personal-id");
		}
		String childKey = VietnameseText.fold(child.fullName());
		if (childKey.equals(nameKey)) {
			score += 40;
			reasons.add("child.match.name");
		}
		else if (ChildRegistry.givenKey(child.fullName()).equals(given)) {
			score += 15;
			reasons.add("child.match.given-name");
		}
		score += birthScore(child, reasons);
		if (details.residence() != null && details.residence().equals(child.residence())) {
			score += 10;
			reasons.add("child.match.commune");
		}
		if (parentKey != null && child.parentName() != null
				&& parentKey.equals(VietnameseText.fold(child.parentName()))) {
			score += 15;
			reasons.add("child.match.parent");
		}
		return new ChildMatch(child, score, reasons);
	}

	/** The exact birth date counts more than a birth year within one of hers. */
	private int birthScore(Child child, List<String> reasons) {
		if (born == null || child.birthDate() == null) {
			return 0;
		}
		if (born.equals(child.birthDate()) && details.birthDate() != null && !child.birthDateApproximate()) {
			reasons.add("child.match.birth-date");
			return 25;
		}
		if (Math.abs(born.getYear() - child.birthDate().getYear()) <= 1) {
			reasons.add("child.match.birth-year");
			return 15;
		}
		return 0;
	}

}
