package vn.trean.children;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/** A child in the registry. */
public record Child(ChildId id, String fullName, Sex sex, LocalDate birthDate, boolean birthDateApproximate,
		PersonalIdNumber personalId, UnitId residence, String addressDetail, String school, String parentName) {

	/** Age in whole years on a date, or {@code null} when the birth date is unknown. */
	public Integer ageOn(LocalDate date) {
		return birthDate == null ? null : java.time.Period.between(birthDate, date).getYears();
	}

}
