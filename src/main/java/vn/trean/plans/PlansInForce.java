package vn.trean.plans;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;

/**
 * The plans in force where a unit lies, for the pages of other modules that point at
 * their dashboards (the statistics' KPI dashboard): only plans the user may view, named
 * by id, number and title; no figure leaves the module this way.
 */
@Service
@Transactional(readOnly = true)
public class PlansInForce {

	/** A plan in force: its id (its dashboard is {@code /plans/{id}/dashboard}). */
	public record PlanInForce(long id, String number, String title, int startYear, int endYear) {
	}

	private final PlanRepository plans;

	private final ActionPlans actionPlans;

	private final Geography geography;

	PlansInForce(PlanRepository plans, ActionPlans actionPlans, Geography geography) {
		this.plans = plans;
		this.actionPlans = actionPlans;
		this.geography = geography;
	}

	/**
	 * The active plans of the province the unit lies in (or is), that the user may view,
	 * the latest issued first.
	 */
	public List<PlanInForce> around(CurrentUser me, UnitId unit) {
		UnitId province = geography.provinceOf(unit);
		return plans.all()
			.stream()
			.filter(p -> p.status() == Plan.Status.ACTIVE && p.province().equals(province))
			.filter(p -> actionPlans.mayView(me, p))
			.sorted(Comparator.comparing(Plan::issuedOn, Comparator.nullsLast(Comparator.reverseOrder())))
			.map(p -> new PlanInForce(p.id(), p.number(), p.title(), p.startYear(), p.endYear()))
			.toList();
	}

}
