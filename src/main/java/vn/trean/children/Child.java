package vn.trean.children;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/** A child in the registry; the reference names her outside the server, the id inside. */
public record Child(ChildId id, ChildReference reference, String fullName, Sex sex, LocalDate birthDate,
		boolean birthDateApproximate, PersonalIdNumber personalId, UnitId residence, String addressDetail,
		String school, String parentName) {

}
