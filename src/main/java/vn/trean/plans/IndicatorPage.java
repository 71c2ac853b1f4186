package vn.trean.plans;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;

/**
 * What the indicator page shows: the targets per unit (the city first, then each commune)
 * and year, and the reference denominators entered for the indicator's denominator.
 */
record IndicatorPage(Plan plan, Indicator indicator, List<AdministrativeUnit> units, List<Integer> years,
		Map<UnitId, Map<Integer, BigDecimal>> targets, Map<UnitId, Map<Integer, Long>> denominators,
		boolean mayManage) {

	public BigDecimal target(AdministrativeUnit unit, int year) {
		return targets.getOrDefault(unit.id(), Map.of()).get(year);
	}

	public Long denominator(AdministrativeUnit unit, int year) {
		return denominators.getOrDefault(unit.id(), Map.of()).get(year);
	}

	/**
	 * The units with at least one denominator entered, in the order of {@link #units}.
	 */
	public List<AdministrativeUnit> unitsWithDenominators() {
		return units.stream().filter(u -> denominators.containsKey(u.id())).toList();
	}

	/** How many unit × year cells have no target yet. */
	public long missingTargets() {
		return (long) units.size() * years.size()
				- targets.values().stream().mapToLong(m -> m.keySet().stream().filter(plan::covers).count()).sum();
	}

}
