package vn.trean.identity;

import java.io.Serializable;
import java.util.Set;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * The signed-in user as every controller and service sees it: who, in which roles, acting
 * on which unit (and everything under it), for which agency. Controllers take it as a
 * parameter.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, UnitId jurisdiction,
		AgencyId agency) implements Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

}
