package vn.trean.plans;

import java.util.List;
import java.util.Map;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.UnitId;

/**
 * What the child population page shows: the number of children entered per unit (the city
 * first, then each commune) and year of the plan.
 */
record PopulationPage(Plan plan, List<AdministrativeUnit> units, List<Integer> years,
		Map<UnitId, Map<Integer, Long>> figures, boolean mayManage) {

	PopulationPage {
		units = List.copyOf(units);
		years = List.copyOf(years);
		figures = Map.copyOf(figures);
	}

	public Long figure(AdministrativeUnit unit, int year) {
		return figures.getOrDefault(unit.id(), Map.of()).get(year);
	}

	/** How many unit × year cells have no figure yet. */
	public long missing() {
		return units.stream().mapToLong(u -> years.stream().filter(y -> figure(u, y) == null).count()).sum();
	}

}
