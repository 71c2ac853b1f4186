package vn.trean.registers;

import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;
import vn.trean.shared.Page;

/**
 * One page of a register's records in the user's area, with what its page needs: the
 * number of records in all pages, the names of their units and the units the user may
 * write in.
 */
record Listing<T>(Page<T> page, long total, Map<UnitId, String> unitNames, Set<UnitId> formerUnits,
		List<AdministrativeUnit> writableUnits) {

	public List<T> records() {
		return page.items();
	}

	/**
	 * Whether the unit is a unit of before a reorganisation (an old commune merged into
	 * the user's): its records are listed, read-only, under the name of their time.
	 */
	public boolean former(UnitId unit) {
		return formerUnits.contains(unit);
	}

	public boolean mayWrite() {
		return !writableUnits.isEmpty();
	}

	public String unitName(UnitId unit) {
		return unitNames.getOrDefault(unit, String.valueOf(unit));
	}

	/** Whether the user may correct and delete the unit's records. */
	public boolean mayChange(UnitId unit) {
		return writableUnits.stream().anyMatch(u -> u.id().equals(unit));
	}

}
