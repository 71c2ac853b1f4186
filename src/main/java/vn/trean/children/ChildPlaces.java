package vn.trean.children;

import java.util.Set;

import vn.trean.geography.UnitId;

/**
 * The communes a child belongs to besides her residence: those of the cases she is in.
 * The cases module implements it, so the registry knows where a child is without
 * depending on cases; a user may reach a child's record when any of her places is in
 * their jurisdiction.
 */
public interface ChildPlaces {

	/** The communes of the cases the child is in (empty when none). */
	Set<UnitId> unitsOf(ChildId child);

}
