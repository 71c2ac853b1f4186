package vn.trean.children;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.shared.FormErrors;

/**
 * What a child's details must be to be registered, on every channel: her texts plain, her
 * sex given, a child's birth date or age (under 16, not born in the future), an
 * identification number that is valid and agrees with her sex and birth year, and a
 * residence in force. These rules span fields and need the clock and the map, so they are
 * a policy rather than constraints of single fields.
 */
@Component
class ChildDetailsPolicy {

	private final Geography geography;

	private final Clock clock;

	ChildDetailsPolicy(Geography geography, Clock clock) {
		this.geography = geography;
		this.clock = clock;
	}

	/**
	 * The rules for a child's details, keyed by field (prefixed, e.g.
	 * {@code children[0].}).
	 */
	FormErrors check(ChildDetails child, String prefix, FormErrors errors) {
		LocalDate today = LocalDate.now(clock);
		errors.checkPlainText(prefix + "fullName", child.fullName(), true, 200)
			.checkPlainText(prefix + "addressDetail", child.addressDetail(), false, 300)
			.checkPlainText(prefix + "school", child.school(), false, 200)
			.checkPlainText(prefix + "parentName", child.parentName(), false, 200);
		if (child.sex() == null) {
			errors.reject(prefix + "sex", "validation.required");
		}
		checkAge(child, prefix, errors, today);
		if (child.personalId() != null && !child.personalId().isBlank()) {
			checkPersonalId(child, prefix, errors, today);
		}
		if (child.residence() != null && geography.find(child.residence()).filter(u -> u.current()).isEmpty()) {
			errors.reject(prefix + "residence", "validation.unit-unknown");
		}
		return errors;
	}

	/** A child's birth date or approximate age: under 16, not born in the future. */
	private static void checkAge(ChildDetails child, String prefix, FormErrors errors, LocalDate today) {
		if (child.birthDate() != null) {
			if (child.birthDate().isAfter(today)) {
				errors.reject(prefix + "birthDate", "child.birth-date.future");
			}
			else if (Period.between(child.birthDate(), today).getYears() >= ChildRegistry.CHILD_AGE_LIMIT) {
				errors.reject(prefix + "birthDate", "child.too-old");
			}
		}
		else if (child.approximateAge() != null
				&& (child.approximateAge() < 0 || child.approximateAge() >= ChildRegistry.CHILD_AGE_LIMIT)) {
			errors.reject(prefix + "approximateAge", "child.too-old");
		}
	}

	/** A valid identification number that agrees with her sex and birth year. */
	private static void checkPersonalId(ChildDetails child, String prefix, FormErrors errors, LocalDate today) {
		try {
			PersonalIdNumber pid = PersonalIdNumber.parse(child.personalId());
			LocalDate born = child.birthDate();
			String disagreement = pid.consistentWith(child.sex(), born == null ? null : born.getYear());
			if (disagreement == null && born == null) {
				disagreement = yearWithoutBirthDate(pid, child.approximateAge(), today);
			}
			if (disagreement != null) {
				errors.reject(prefix + "personalId", disagreement);
			}
		}
		catch (InvalidPersonalIdNumber ex) {
			errors.reject(prefix + "personalId", ex.messageKey());
		}
	}

	/**
	 * Without a birth date, the year the number encodes must still be a child's: not in
	 * the future, under 16 this year, and within three years of an approximate age.
	 */
	private static String yearWithoutBirthDate(PersonalIdNumber pid, Integer approximateAge, LocalDate today) {
		int years = today.getYear() - pid.birthYear();
		if (years < 0) {
			return "child.pid.year-future";
		}
		// born in that year, the child is now (years - 1) or (years) old
		if (years - 1 >= ChildRegistry.CHILD_AGE_LIMIT) {
			return "child.too-old";
		}
		// an approximate age is a guess: only one more than three years off contradicts
		if (approximateAge != null && (approximateAge < years - 1 - 3 || approximateAge > years + 3)) {
			return "child.pid.age";
		}
		return null;
	}

}
