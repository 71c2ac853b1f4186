package vn.trean.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;

/**
 * Reading plans within the user's reach, and the access rules every plan page and change
 * asks: who may view a plan, who administers it, which units lie in its province.
 */
@Service
@Transactional(readOnly = true)
class ActionPlans {

	private final PlanRepository plans;

	private final PlanActivityRepository activities;

	private final ReferenceDenominatorRepository denominators;

	private final Authorization authorization;

	private final Geography geography;

	private final Directory directory;

	ActionPlans(PlanRepository plans, PlanActivityRepository activities, ReferenceDenominatorRepository denominators,
			Authorization authorization, Geography geography, Directory directory) {
		this.plans = plans;
		this.activities = activities;
		this.denominators = denominators;
		this.authorization = authorization;
		this.geography = geography;
		this.directory = directory;
	}

	/** The plans of the province the user works in (or of provinces under them). */
	List<Plan> visible(CurrentUser me) {
		authorization.requireSomewhere(me, Action.VIEW_STATISTICS);
		return plans.all().stream().filter(p -> mayView(me, p)).toList();
	}

	/** One plan with everything the plan page shows. */
	PlanPage page(CurrentUser me, PlanId planId) {
		Plan plan = viewable(me, planId);
		Map<AgencyId, String> agencyNames = new HashMap<>();
		List<Activity> activities = this.activities.activities(plan.id());
		for (Activity a : activities) {
			List<AgencyId> ids = new ArrayList<>(a.partners());
			if (a.responsibleAgency() != null) {
				ids.add(a.responsibleAgency());
			}
			ids.forEach(id -> directory.find(id).ifPresent(s -> agencyNames.put(id, s.name())));
		}
		return new PlanPage(plan, geography.get(plan.province()).fullName(), plans.objectives(plan.id()),
				plans.indicators(plan.id()), plans.targetsOf(plan.id(), plan.province(), plan.endYear()), activities,
				agencyNames, mayManage(me, plan));
	}

	/** One indicator with its targets and reference denominators per unit and year. */
	IndicatorPage indicatorPage(CurrentUser me, PlanId planId, String code) {
		Plan plan = viewable(me, planId);
		Indicator indicator = indicator(plan, code);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province());
		Map<UnitId, Map<Integer, BigDecimal>> targets = new HashMap<>();
		plans.targets(indicator.id())
			.forEach(t -> targets.computeIfAbsent(t.unit(), u -> new HashMap<>()).put(t.year(), t.value()));
		Map<UnitId, Map<Integer, Long>> denominators = new HashMap<>();
		if (indicator.denominatorKind() != null) {
			this.denominators
				.denominators(indicator.denominatorKind(), units.stream().map(AdministrativeUnit::id).toList())
				.forEach(d -> denominators.computeIfAbsent(d.unit(), u -> new HashMap<>()).put(d.year(), d.value()));
		}
		List<Integer> years = IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList();
		return new IndicatorPage(plan, indicator, units, years, targets, denominators, mayManage(me, plan));
	}

	/**
	 * The child population entered for the province and each of its communes in the
	 * plan's years.
	 */
	PopulationPage populationPage(CurrentUser me, PlanId planId) {
		Plan plan = viewable(me, planId);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province());
		Map<UnitId, Map<Integer, Long>> figures = new HashMap<>();
		denominators.denominators(DenominatorKind.CHILDREN, units.stream().map(AdministrativeUnit::id).toList())
			.forEach(d -> figures.computeIfAbsent(d.unit(), u -> new HashMap<>()).put(d.year(), d.value()));
		List<Integer> years = IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList();
		return new PopulationPage(plan, units, years, figures, mayManage(me, plan));
	}

	/** A plan the user administers; anyone else is refused. */
	Plan administered(CurrentUser me, PlanId planId) {
		Plan plan = find(planId);
		authorization.require(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province()));
		return plan;
	}

	/** A plan the user may view; anyone else is refused. */
	Plan viewable(CurrentUser me, PlanId planId) {
		Plan plan = find(planId);
		authorization.require(me, Action.VIEW_STATISTICS, viewScope(me, plan));
		return plan;
	}

	Plan find(PlanId planId) {
		return plans.find(planId.value()).orElseThrow(() -> new UnknownPlan("plan " + planId));
	}

	Indicator indicator(Plan plan, String code) {
		return plans.indicator(plan.id(), code).orElseThrow(() -> new UnknownPlan("indicator " + code));
	}

	boolean mayManage(CurrentUser me, Plan plan) {
		return authorization.decide(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province())).allowed();
	}

	/**
	 * A unit of the plan's province in force today, as a form names it; refused on the
	 * field {@code unit} otherwise.
	 */
	UnitId unitOfProvince(Plan plan, String text) {
		Optional<UnitId> unit = unitId(text);
		if (unit.isEmpty() || !Boolean.TRUE.equals(inProvince(plan, unit))) {
			throw new InvalidPlanInput(new FormErrors().reject("unit", "plans.unit.outside-province"));
		}
		return unit.get();
	}

	/**
	 * Whether the unit is in force today and lies in the plan's province ({@code null}
	 * when none was chosen).
	 */
	Boolean inProvince(Plan plan, Optional<UnitId> unit) {
		if (unit.isEmpty()) {
			return null;
		}
		return geography.find(unit.get())
			.filter(AdministrativeUnit::current)
			.filter(u -> geography.contains(plan.province(), u.id()))
			.isPresent();
	}

	/** A unit id as a form sends it; text that is no id names no unit in force. */
	static Optional<UnitId> unitId(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new UnitId(Long.parseLong(text.strip())));
		}
		catch (NumberFormatException ex) {
			return Optional.of(new UnitId(-1));
		}
	}

	/**
	 * A plan applies in every unit of its province, so a user whose jurisdiction lies in
	 * the province is asked about their own unit; anyone else about the province.
	 */
	private ResourceScope viewScope(CurrentUser me, Plan plan) {
		return ResourceScope
			.at(geography.contains(plan.province(), me.jurisdiction()) ? me.jurisdiction() : plan.province());
	}

	boolean mayView(CurrentUser me, Plan plan) {
		return authorization.decide(me, Action.VIEW_STATISTICS, viewScope(me, plan)).allowed();
	}

}
