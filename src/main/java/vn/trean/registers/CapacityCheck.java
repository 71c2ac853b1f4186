package vn.trean.registers;

import java.time.LocalDate;
import java.util.Set;

/** One stored capacity check of a facility: its date and the checklist items found. */
record CapacityCheck(long id, long facilityId, LocalDate checkedOn, Set<FacilityKind.CheckItem> items, int version) {

	public boolean has(FacilityKind.CheckItem item) {
		return items.contains(item);
	}

}
