package vn.trean.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.Verdict;

/**
 * The one place that decides "may user U perform action A on a resource located in unit X
 * and owned by agency Y". Every controller and service asks it; nothing else makes that
 * call.
 */
@Component
public class Authorization {

	private final Geography geography;

	Authorization(Geography geography) {
		this.geography = geography;
	}

	/**
	 * Allowed, or refused as a whole ({@link Verdict#GENERAL}) with the message key that
	 * says why: the role, the location, the jurisdiction or the agency.
	 */
	public Verdict<Void> decide(CurrentUser user, Action action, ResourceScope resource) {
		Optional<RolePermissions.Reach> reach = RolePermissions.widestReach(user.roles(), action);
		if (reach.isEmpty()) {
			return Verdict.refuse(Verdict.GENERAL, "access.refused.role");
		}
		if (reach.get() == RolePermissions.Reach.ANYWHERE) {
			return Verdict.allow(null);
		}
		if (resource == null || resource.location() == null) {
			return Verdict.refuse(Verdict.GENERAL, "access.refused.location");
		}
		if (!geography.contains(user.jurisdiction(), resource.location())) {
			return Verdict.refuse(Verdict.GENERAL, "access.refused.jurisdiction");
		}
		if (reach.get() == RolePermissions.Reach.OWN_AGENCY
				&& (user.agency() == null || !user.agency().equals(resource.owner()))) {
			return Verdict.refuse(Verdict.GENERAL, "access.refused.agency");
		}
		return Verdict.allow(null);
	}

	/**
	 * An "own record" grant: the user who made a record may act on it only while one of
	 * their roles still grants the action that made it, over the scope it was made in.
	 * Ownership narrows a grant and never widens it: a user whose roles, jurisdiction or
	 * agency changed keeps nothing for having been the author.
	 * @param author the user who made the record, or {@code null} when no user did
	 */
	public Verdict<Void> decideAsAuthor(CurrentUser user, Long author, Action action, ResourceScope resource) {
		if (author == null || author != user.id()) {
			return Verdict.refuse(Verdict.GENERAL, "access.refused.not-found");
		}
		return decide(user, action, resource);
	}

	/** Refuses with {@link AccessRefused} unless {@link #decide} allows. */
	public void require(CurrentUser user, Action action, ResourceScope resource) {
		Verdict<Void> decision = decide(user, action, resource);
		if (!decision.allowed()) {
			throw new AccessRefused(action, decision.reason());
		}
	}

	/**
	 * Whether any of the user's roles grants the action somewhere (for menus and list
	 * pages).
	 */
	public boolean permitsSomewhere(CurrentUser user, Action action) {
		return RolePermissions.widestReach(user.roles(), action).isPresent();
	}

	/**
	 * Whether the user's roles grant the action on resources anywhere (non-personal
	 * reference data).
	 */
	public boolean reachesAnywhere(CurrentUser user, Action action) {
		return RolePermissions.widestReach(user.roles(), action)
			.filter(r -> r == RolePermissions.Reach.ANYWHERE)
			.isPresent();
	}

	/** Refuses unless any of the user's roles grants the action somewhere. */
	public void requireSomewhere(CurrentUser user, Action action) {
		if (!permitsSomewhere(user, action)) {
			throw new AccessRefused(action, "access.refused.role");
		}
	}

	/**
	 * The units a list of resources for this action may be drawn from: the jurisdiction
	 * and everything under it. Empty when the user may not perform the action at all.
	 */
	public Set<UnitId> unitsInReach(CurrentUser user, Action action) {
		if (!permitsSomewhere(user, action)) {
			return Set.of();
		}
		return geography.unitsWithin(user.jurisdiction());
	}

	/** Whether the user's roles make a second factor compulsory (SecondFactorPolicy). */
	public static boolean secondFactorRequired(Set<Role> roles) {
		return roles.stream()
			.anyMatch(role -> role == Role.SYSTEM_ADMINISTRATOR || RolePermissions.reachesChildData(role));
	}

}
