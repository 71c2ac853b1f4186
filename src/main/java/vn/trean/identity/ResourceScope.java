package vn.trean.identity;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * Where a resource is located and which agency owns it, the two facts an authorization
 * decision needs about the thing acted on.
 *
 * @param location the administrative unit the resource belongs to
 * @param owner the owning agency, or {@code null} when no agency owns it
 */
public record ResourceScope(UnitId location, AgencyId owner) {

	public static ResourceScope at(UnitId location) {
		return new ResourceScope(location, null);
	}

	public ResourceScope ownedBy(AgencyId agency) {
		return new ResourceScope(location, agency);
	}

}
