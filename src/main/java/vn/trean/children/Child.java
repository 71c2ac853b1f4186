package vn.trean.children;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/** A child in the registry; the reference names her outside the server, the id inside. */
public record Child(ChildId id, ChildReference reference, String fullName, Sex sex, LocalDate birthDate,
		boolean birthDateApproximate, PersonalIdNumber personalId, UnitId residence, String addressDetail,
		String school, String parentName) {

	/**
	 * The age given for a child whose birth date is not known, in years as of
	 * {@code today}; null when the birth date is known. The registry stores such an age
	 * as 1 January of the year it points to, a date no one should read as a birth date.
	 */
	public Integer approximateAge(LocalDate today) {
		return birthDateApproximate && birthDate != null ? today.getYear() - birthDate.getYear() : null;
	}

}
