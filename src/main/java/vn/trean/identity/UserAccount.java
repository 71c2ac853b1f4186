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
		Instant totpEnrolledAt, Long totpLastUsedStep, int failedAttempts, Instant lockedUntil,
		Instant secondFactorLockedUntil, Set<Role> roles) {

	/** Either lock holds: the account shows as locked to administrators. */
	boolean lockedAt(Instant now) {
		return passwordLockedAt(now) || secondFactorLockedAt(now);
	}

	/** Too many wrong passwords in a row. */
	boolean passwordLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Too many wrong second-factor codes in a row, in any session. */
	boolean secondFactorLockedAt(Instant now) {
		return secondFactorLockedUntil != null && secondFactorLockedUntil.isAfter(now);
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
