package vn.trean.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * What identity needs to know about agencies (users and API tokens act for one). The
 * directory module implements it, so identity does not depend on the directory.
 */
public interface AgencyLookup {

	Optional<AgencySummary> find(AgencyId id);

	List<AgencySummary> locatedIn(Collection<UnitId> units);

	/** An agency's name and where it is. */
	record AgencySummary(AgencyId id, String name, UnitId unit) {
	}

}
