package vn.trean.children;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/** A child in the registry. */
public record Child(ChildId id, String fullName, Sex sex, LocalDate birthDate, boolean birthDateApproximate,
		PersonalIdNumber personalId, UnitId residence, String addressDetail, String school, String parentName) {

}
