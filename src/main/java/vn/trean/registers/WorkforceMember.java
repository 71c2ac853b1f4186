package vn.trean.registers;

import java.time.LocalDate;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/** A person on a unit's child-protection workforce roster, active between two dates. */
record WorkforceMember(long id, UnitId unit, String fullName, WorkforceRole role, Sex sex, AgencyId agency,
		LocalDate activeFrom, LocalDate activeTo, int trainings, int version) implements RegisterRecord {

	public boolean activeOn(LocalDate day) {
		return !activeFrom.isAfter(day) && (activeTo == null || !activeTo.isBefore(day));
	}

}
