package vn.trean.registers;

import java.time.LocalDate;
import java.util.Set;

import vn.trean.geography.UnitId;

/** A school or health facility with its latest capacity check (none yet: null date). */
record Facility(long id, UnitId unit, FacilityKind kind, String name, LocalDate lastChecked,
		Set<FacilityKind.CheckItem> lastCheckItems, int version) implements RegisterRecord {

	public boolean has(FacilityKind.CheckItem item) {
		return lastCheckItems.contains(item);
	}

}
