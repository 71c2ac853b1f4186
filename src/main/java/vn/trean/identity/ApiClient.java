package vn.trean.identity;

import java.io.Serializable;
import java.util.Set;

import vn.trean.shared.AgencyId;

/**
 * The caller of the REST API: an API token, acting for an agency with a set of
 * permissions.
 */
public record ApiClient(long tokenId, String name, AgencyId agency,
		Set<ApiPermission> permissions) implements Serializable {

	public ApiClient {
		permissions = Set.copyOf(permissions);
	}

	public boolean has(ApiPermission permission) {
		return permissions.contains(permission);
	}

}
