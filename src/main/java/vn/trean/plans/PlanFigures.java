package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;

/**
 * The plan administrator's single figures: a target of an indicator, or a reference
 * denominator it divides by, for one unit and year. Each is checked by
 * {@link TargetPolicy} and stored in one transaction with its audit entry.
 */
@Service
@Transactional
class PlanFigures {

	/** A target or denominator as typed into its form. */
	record Entry(String unit, String year, String value) {
	}

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final ReferenceDenominatorRepository denominators;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanFigures(ActionPlans actionPlans, PlanRepository plans, ReferenceDenominatorRepository denominators,
			Geography geography, ApplicationEventPublisher events, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.denominators = denominators;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	void setTarget(Actor actor, PlanId planId, String code, Entry entry) {
		Plan plan = actionPlans.administered(actor.signedIn(), planId);
		Indicator indicator = actionPlans.indicator(plan, code);
		Optional<UnitId> unit = ActionPlans.unitId(entry.unit());
		TargetPolicy.Figure figure = TargetPolicy
			.target(plan, indicator, actionPlans.inProvince(plan, unit), entry.year(), entry.value(), actor.locale())
			.orThrow(InvalidPlanInput::new);
		Optional<BigDecimal> before = plans.target(indicator.id(), figure.year(), unit.get());
		plans.saveTarget(
				new Target(indicator.id(), figure.year(), unit.get(), figure.value(), actor.name(), clock.instant()));
		audit(actor, "PLAN_TARGET_SET", plan,
				"indicator=" + code + " unit=" + geography.get(unit.get()).code() + " year=" + figure.year() + " "
						+ before.map(BigDecimal::toPlainString).orElse("none") + " -> "
						+ figure.value().toPlainString());
	}

	/** Enters the denominator the indicator divides by, for a unit and year. */
	void setDenominator(Actor actor, PlanId planId, String code, Entry entry) {
		Plan plan = actionPlans.administered(actor.signedIn(), planId);
		Indicator indicator = actionPlans.indicator(plan, code);
		DenominatorKind kind = indicator.denominatorKind();
		if (kind == null) {
			throw new UnknownPlan("reference denominator of " + code);
		}
		setDenominator(actor, plan, kind, entry, false);
	}

	/**
	 * Enters the child population of a unit and year, which every plan of the province
	 * offers whatever its indicators divide by.
	 * @param demo whether the demo loader enters it (the row is flagged {@code demo})
	 */
	void setPopulation(Actor actor, PlanId planId, Entry entry, boolean demo) {
		setDenominator(actor, actionPlans.administered(actor.signedIn(), planId), DenominatorKind.CHILDREN, entry,
				demo);
	}

	private void setDenominator(Actor actor, Plan plan, DenominatorKind kind, Entry entry, boolean demo) {
		Optional<UnitId> unit = ActionPlans.unitId(entry.unit());
		TargetPolicy.Figure figure = TargetPolicy
			.denominator(plan, kind, actionPlans.inProvince(plan, unit), entry.year(), entry.value(), actor.locale())
			.orThrow(InvalidPlanInput::new);
		long value = figure.value().longValueExact();
		Optional<Long> before = denominators.denominator(kind, unit.get(), figure.year());
		denominators.save(
				new ReferenceDenominator(kind, unit.get(), figure.year(), value, actor.name(), clock.instant()), demo);
		audit(actor, "PLAN_DENOMINATOR_SET", plan, "kind=" + kind + " unit=" + geography.get(unit.get()).code()
				+ " year=" + figure.year() + " " + before.map(String::valueOf).orElse("none") + " -> " + value);
	}

	private void audit(Actor actor, String change, Plan plan, String detail) {
		events.publishEvent(
				new PlanChanged(actor.name(), change, plan.id(), detail, actor.clientAddress(), clock.instant()));
	}

}
