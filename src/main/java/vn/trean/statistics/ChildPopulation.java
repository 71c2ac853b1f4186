package vn.trean.statistics;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;

/**
 * The child population a rate per 100 children divides by, by one rule for every unit and
 * period: the figures of the year the period ends (a period spanning two years takes its
 * last year's); the figure entered for the unit itself, else the sum of those of the
 * units in force that count for it (the communes of the city or of an old district) when
 * every one of them has a figure. A partial sum is never used: it would overstate the
 * rate.
 *
 * @param year the year whose figures count
 * @param children the population, {@code null} when it is missing
 * @param missing the units whose figures are missing: the unit itself when it has no
 * parts, else the parts without a figure; empty when the population is known
 */
record ChildPopulation(int year, @Nullable Long children, Set<UnitId> missing) {

	ChildPopulation {
		missing = Set.copyOf(missing);
	}

	/** The year whose figures a period's rate divides by: the year it ends. */
	static int yearOf(StatisticsPeriod period) {
		return period.to().getYear();
	}

	/**
	 * @param unit the unit of the table
	 * @param parts the units in force that count for it, itself excluded
	 * @param entered the figures entered for the year, by unit (the unit's and its
	 * parts')
	 */
	static ChildPopulation of(int year, UnitId unit, Set<UnitId> parts, Map<UnitId, Long> entered) {
		Long own = entered.get(unit);
		if (own != null) {
			return new ChildPopulation(year, own, Set.of());
		}
		if (parts.isEmpty()) {
			return new ChildPopulation(year, null, Set.of(unit));
		}
		Set<UnitId> missing = parts.stream().filter(p -> !entered.containsKey(p)).collect(Collectors.toSet());
		if (!missing.isEmpty()) {
			return new ChildPopulation(year, null, missing);
		}
		return new ChildPopulation(year, parts.stream().mapToLong(entered::get).sum(), Set.of());
	}

	boolean known() {
		return children != null;
	}

	/** Whether the population would be a sum of parts, some of which are missing. */
	boolean partsMissing(UnitId unit) {
		return !known() && !missing.contains(unit);
	}

}
