package vn.trean.identity;

import java.time.Instant;
import java.util.Set;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * A user account as stored: credentials, second factor, lockout state, roles and scope.
 */
record UserAccount(long id, String username, String displayName, String email, String passwordHash, UnitId jurisdiction,
		AgencyId agency, boolean enabled, boolean demo, boolean passwordChangeRequired, String totpSecret,
		Instant totpEnrolledAt, Long totpLastUsedStep, int failedAttempts, Instant lockedUntil, Set<Role> roles) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean secondFactorEnrolled() {
		return totpSecret != null && totpEnrolledAt != null;
	}

	boolean secondFactorRequired() {
		return Authorization.secondFactorRequired(roles);
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, roles, jurisdiction, agency);
	}

}
