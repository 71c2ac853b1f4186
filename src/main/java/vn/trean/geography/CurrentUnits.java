package vn.trean.geography;

import java.util.List;
import java.util.Optional;

/**
 * The units in force today that a historical unit became. When the way there crosses a
 * split, {@link #needsReview()} is true and {@link #single()} is empty: a person must
 * choose among the candidates, the system never guesses.
 */
public record CurrentUnits(List<AdministrativeUnit> units, boolean needsReview) {

	public CurrentUnits {
		units = List.copyOf(units);
	}

	/** The one current unit, when the mapping is unambiguous. */
	public Optional<AdministrativeUnit> single() {
		return (!needsReview && units.size() == 1) ? Optional.of(units.get(0)) : Optional.empty();
	}

}
