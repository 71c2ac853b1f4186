package vn.trean.children;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.geography.UnitId;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * Who may reach a child's record (a named policy): those granted the action at one of her
 * places, her residence or the commune of a case she is in ({@link ChildPlaces}). A user
 * who may see none of her places is answered as if she did not exist
 * ({@link UnknownChild}); one who may see her but not act is refused (403).
 */
@Component
class ChildAccess {

	private final ChildRegistry registry;

	private final Authorization authorization;

	private final List<ChildPlaces> places;

	ChildAccess(ChildRegistry registry, Authorization authorization, List<ChildPlaces> places) {
		this.registry = registry;
		this.authorization = authorization;
		this.places = places;
	}

	/** A child reached, and the place the user reaches her at (her residence first). */
	record Reached(Child child, UnitId place) {
	}

	Reached reach(Actor actor, ChildReference reference, Action action) {
		CurrentUser user = actor.signedIn();
		Child child = registry.find(reference).orElseThrow(() -> new UnknownChild(reference.toString()));
		Set<UnitId> where = placesOf(child);
		Optional<UnitId> place = allowedAt(user, action, where);
		if (place.isPresent()) {
			return new Reached(child, place.get());
		}
		if (action != Action.VIEW_CHILD_RECORDS && allowedAt(user, Action.VIEW_CHILD_RECORDS, where).isPresent()) {
			throw new AccessRefused(action, "access.refused.role", "CHILD", child.id().toString(), null);
		}
		throw new UnknownChild(child.id(), actor.name(), actor.clientAddress(), "access.refused.jurisdiction");
	}

	/** Whether the user may also take the action on a child already reached. */
	boolean permits(Actor actor, Child child, Action action) {
		return allowedAt(actor.signedIn(), action, placesOf(child)).isPresent();
	}

	private Optional<UnitId> allowedAt(CurrentUser user, Action action, Set<UnitId> where) {
		return where.stream()
			.filter(unit -> authorization.decide(user, action, ResourceScope.at(unit)).allowed())
			.findFirst();
	}

	/** Her residence first, then her cases' communes in a stable order. */
	private Set<UnitId> placesOf(Child child) {
		Set<UnitId> where = new LinkedHashSet<>();
		if (child.residence() != null) {
			where.add(child.residence());
		}
		places.stream()
			.flatMap(p -> p.unitsOf(child.id()).stream())
			.sorted(Comparator.comparingLong(UnitId::value))
			.forEach(where::add);
		return where;
	}

}
