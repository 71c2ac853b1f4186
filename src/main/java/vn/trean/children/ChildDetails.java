package vn.trean.children;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/**
 * What is known of a child when a report is taken: a name, and as much else as the caller
 * knows. Either a birth date or an approximate age.
 */
public record ChildDetails(String fullName, Sex sex, LocalDate birthDate, Integer approximateAge, String personalId,
		UnitId residence, String addressDetail, String school, String parentName) {

	/** The birth date, or the one the approximate age gives (1 January of that year). */
	LocalDate effectiveBirthDate(LocalDate today) {
		if (birthDate != null) {
			return birthDate;
		}
		return approximateAge == null ? null : LocalDate.of(today.getYear() - approximateAge, 1, 1);
	}

}
