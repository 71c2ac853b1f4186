package vn.trean.directory;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/** An agency or service provider: its sector, the unit it belongs to and its contacts. */
public record Agency(AgencyId id, String name, Sector sector, UnitId unit, String address, String phone, String email,
		String contactPerson, boolean demo) {
}
