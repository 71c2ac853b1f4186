package vn.trean.plans;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;

/**
 * How the demo loader enters the demo's child population: through the rules, access and
 * audit of the plan administrator's form, on a plan of the unit's province covering the
 * year, the rows flagged {@code demo}.
 */
@Component
public class DemoReferenceFigures {

	private final PlanRepository plans;

	private final PlanFigures figures;

	private final Geography geography;

	DemoReferenceFigures(PlanRepository plans, PlanFigures figures, Geography geography) {
		this.plans = plans;
		this.figures = figures;
		this.geography = geography;
	}

	/**
	 * Enters the number of children of a unit in a year, when a plan of its province
	 * covers the year; answers whether one did.
	 */
	public boolean childPopulation(Actor administrator, UnitId unit, int year, long children) {
		Optional<Plan> plan = planCovering(unit, year);
		plan.ifPresent(p -> figures.setPopulation(administrator, new PlanId(p.id()),
				new PlanFigures.Entry(Long.toString(unit.value()), Integer.toString(year), Long.toString(children)),
				true));
		return plan.isPresent();
	}

	private Optional<Plan> planCovering(UnitId unit, int year) {
		UnitId province = geography.provinceOf(unit);
		return plans.all().stream().filter(p -> p.province().equals(province) && p.covers(year)).findFirst();
	}

}
