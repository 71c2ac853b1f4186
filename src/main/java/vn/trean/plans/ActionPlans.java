package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.AgencyLookup.AgencySummary;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * Reading plans within the user's reach and, for the plan administrator, setting targets,
 * completing activities and entering reference denominators. Every write is one
 * transaction with its audit entry.
 */
@Service
@Transactional
class ActionPlans {

	private final PlanRepository plans;

	private final Authorization authorization;

	private final Geography geography;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActionPlans(PlanRepository plans, Authorization authorization, Geography geography, Directory directory,
			ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.authorization = authorization;
		this.geography = geography;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading ----

	/** The plans of the province the user works in (or of provinces under them). */
	@Transactional(readOnly = true)
	List<Plan> visible(CurrentUser me) {
		authorization.requireSomewhere(me, Action.VIEW_STATISTICS);
		return plans.all().stream().filter(p -> mayView(me, p)).toList();
	}

	/** One plan with everything the plan page shows. */
	@Transactional(readOnly = true)
	PlanPage page(CurrentUser me, long planId) {
		Plan plan = viewable(me, planId);
		Map<AgencyId, String> agencyNames = new HashMap<>();
		List<Activity> activities = plans.activities(planId);
		for (Activity a : activities) {
			List<AgencyId> ids = new ArrayList<>(a.partners());
			if (a.responsibleAgency() != null) {
				ids.add(a.responsibleAgency());
			}
			ids.forEach(id -> directory.find(id).ifPresent(s -> agencyNames.put(id, s.name())));
		}
		return new PlanPage(plan, geography.get(plan.province()).fullName(), plans.objectives(planId),
				plans.indicators(planId), plans.targetsOf(planId, plan.province(), plan.endYear()), activities,
				agencyNames, mayManage(me, plan));
	}

	/** One indicator with its targets and reference denominators per unit and year. */
	@Transactional(readOnly = true)
	IndicatorPage indicatorPage(CurrentUser me, long planId, String code) {
		Plan plan = viewable(me, planId);
		Indicator indicator = plans.indicator(planId, code).orElseThrow(() -> new UnknownPlan("indicator " + code));
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province());
		Map<UnitId, Map<Integer, BigDecimal>> targets = new HashMap<>();
		plans.targets(indicator.id())
			.forEach(t -> targets.computeIfAbsent(t.unit(), u -> new HashMap<>()).put(t.year(), t.value()));
		Map<UnitId, Map<Integer, Long>> denominators = new HashMap<>();
		if (indicator.denominatorKind() != null) {
			plans.denominators(indicator.denominatorKind(), units.stream().map(AdministrativeUnit::id).toList())
				.forEach(d -> denominators.computeIfAbsent(d.unit(), u -> new HashMap<>()).put(d.year(), d.value()));
		}
		List<Integer> years = IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList();
		return new IndicatorPage(plan, indicator, units, years, targets, denominators, mayManage(me, plan));
	}

	/** An activity of a plan the user administers, for its form. */
	@Transactional(readOnly = true)
	Activity activityToEdit(CurrentUser me, long planId, long activityId) {
		Plan plan = find(planId);
		requireManage(me, plan);
		return plans.activity(planId, activityId).orElseThrow(() -> new UnknownPlan("activity " + activityId));
	}

	/** The agencies of the plan's province, for choosing who carries out an activity. */
	@Transactional(readOnly = true)
	List<AgencySummary> agenciesFor(CurrentUser me, long planId) {
		Plan plan = find(planId);
		requireManage(me, plan);
		return directory.locatedIn(geography.unitsWithin(plan.province()));
	}

	@Transactional(readOnly = true)
	Plan administered(CurrentUser me, long planId) {
		Plan plan = find(planId);
		requireManage(me, plan);
		return plan;
	}

	// ---- writing ----

	/** A target as typed into the form. */
	record TargetEntry(String unit, String year, String value) {
	}

	void setTarget(CurrentUser me, long planId, String code, TargetEntry entry, String clientAddress) {
		Plan plan = find(planId);
		requireManage(me, plan);
		Indicator indicator = plans.indicator(planId, code).orElseThrow(() -> new UnknownPlan("indicator " + code));
		Optional<UnitId> unit = parseUnit(entry.unit());
		TargetPolicy.Verdict verdict = TargetPolicy.target(plan, indicator, inProvince(plan, unit), entry.year(),
				entry.value());
		if (!verdict.allowed()) {
			throw new InvalidPlanInput(new FormErrors().reject(verdict.field(), verdict.reason()));
		}
		Optional<BigDecimal> before = plans.target(indicator.id(), verdict.year(), unit.get());
		plans.saveTarget(new Target(indicator.id(), verdict.year(), unit.get(), verdict.value(), me.username(),
				clock.instant()));
		events.publishEvent(new PlanChanged(me.username(), "PLAN_TARGET_SET", planId,
				"indicator=" + code + " unit=" + geography.get(unit.get()).code() + " year=" + verdict.year() + " "
						+ before.map(BigDecimal::toPlainString).orElse("none") + " -> "
						+ verdict.value().toPlainString(),
				clientAddress, clock.instant()));
	}

	/** A reference denominator as typed into the form. */
	record DenominatorEntry(String unit, String year, String value) {
	}

	/** Enters the denominator the indicator divides by, for a unit and year. */
	void setDenominator(CurrentUser me, long planId, String code, DenominatorEntry entry, String clientAddress) {
		Plan plan = find(planId);
		requireManage(me, plan);
		Indicator indicator = plans.indicator(planId, code).orElseThrow(() -> new UnknownPlan("indicator " + code));
		DenominatorKind kind = indicator.denominatorKind();
		if (kind == null) {
			throw new UnknownPlan("reference denominator of " + code);
		}
		Optional<UnitId> unit = parseUnit(entry.unit());
		TargetPolicy.Verdict verdict = TargetPolicy.denominator(plan, kind, inProvince(plan, unit), entry.year(),
				entry.value());
		if (!verdict.allowed()) {
			throw new InvalidPlanInput(new FormErrors().reject(verdict.field(), verdict.reason()));
		}
		long value = verdict.value().longValueExact();
		Optional<Long> before = plans.denominator(kind, unit.get(), verdict.year());
		plans.save(new ReferenceDenominator(kind, unit.get(), verdict.year(), value, me.username(), clock.instant()));
		events
			.publishEvent(new PlanChanged(me.username(), "PLAN_DENOMINATOR_SET", planId,
					"kind=" + kind + " unit=" + geography.get(unit.get()).code() + " year=" + verdict.year() + " "
							+ before.map(String::valueOf).orElse("none") + " -> " + value,
					clientAddress, clock.instant()));
	}

	/**
	 * An activity's details as typed into the form; blank means still to be completed.
	 */
	record ActivityEntry(String responsibleAgency, List<String> partners, String periodStart, String periodEnd,
			String fundingSource, Integer version) {
	}

	void changeActivity(CurrentUser me, long planId, long activityId, ActivityEntry entry, String clientAddress) {
		Plan plan = find(planId);
		requireManage(me, plan);
		Activity activity = plans.activity(planId, activityId)
			.orElseThrow(() -> new UnknownPlan("activity " + activityId));
		FormErrors errors = new FormErrors();
		AgencyId responsible = agency(plan, entry.responsibleAgency(), "responsibleAgency", errors);
		Set<AgencyId> partners = new LinkedHashSet<>();
		for (String partner : entry.partners() == null ? List.<String>of() : entry.partners()) {
			AgencyId id = agency(plan, partner, "partners", errors);
			if (id != null && !id.equals(responsible)) {
				partners.add(id);
			}
		}
		LocalDate start = date(entry.periodStart(), "periodStart", errors);
		LocalDate end = date(entry.periodEnd(), "periodEnd", errors);
		if (start != null && !plan.covers(start.getYear())) {
			errors.reject("periodStart", "plans.period.outside-plan");
		}
		if (end != null && !plan.covers(end.getYear())) {
			errors.reject("periodEnd", "plans.period.outside-plan");
		}
		if (start != null && end != null && end.isBefore(start)) {
			errors.reject("periodEnd", "validation.end-before-start");
		}
		errors.checkText("fundingSource", entry.fundingSource(), false, 300);
		if (entry.version() == null) {
			errors.reject("version", "validation.invalid");
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		String funding = entry.fundingSource() == null || entry.fundingSource().isBlank() ? null
				: VietnameseText.normalize(entry.fundingSource());
		if (!plans.update(activity.id(), entry.version(), responsible, List.copyOf(partners), start, end, funding)) {
			throw new InvalidPlanInput(new FormErrors().reject("version", "plans.activity.changed-meanwhile"));
		}
		events.publishEvent(new PlanChanged(me.username(), "PLAN_ACTIVITY_CHANGED", planId,
				"activity=" + activity.section() + " responsible=" + (responsible == null ? "none" : responsible)
						+ " partners=" + partners.size() + " period=" + start + ".." + end,
				clientAddress, clock.instant()));
	}

	// ---- rules ----

	boolean mayManage(CurrentUser me, Plan plan) {
		return authorization.decide(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province())).allowed();
	}

	private void requireManage(CurrentUser me, Plan plan) {
		authorization.require(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province()));
	}

	/**
	 * A plan applies in every unit of its province, so a user whose jurisdiction lies in
	 * the province is asked about their own unit; anyone else about the province.
	 */
	private ResourceScope viewScope(CurrentUser me, Plan plan) {
		return ResourceScope
			.at(geography.contains(plan.province(), me.jurisdiction()) ? me.jurisdiction() : plan.province());
	}

	private boolean mayView(CurrentUser me, Plan plan) {
		return authorization.decide(me, Action.VIEW_STATISTICS, viewScope(me, plan)).allowed();
	}

	Plan viewable(CurrentUser me, long planId) {
		Plan plan = find(planId);
		authorization.require(me, Action.VIEW_STATISTICS, viewScope(me, plan));
		return plan;
	}

	Plan find(long planId) {
		return plans.find(planId).orElseThrow(() -> new UnknownPlan("plan " + planId));
	}

	private static Optional<UnitId> parseUnit(String text) {
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

	/** Whether the unit is in force today and lies in the plan's province. */
	private Boolean inProvince(Plan plan, Optional<UnitId> unit) {
		if (unit.isEmpty()) {
			return null;
		}
		return geography.find(unit.get())
			.filter(AdministrativeUnit::current)
			.filter(u -> geography.contains(plan.province(), u.id()))
			.isPresent();
	}

	private AgencyId agency(Plan plan, String text, String field, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			AgencyId id = new AgencyId(Long.parseLong(text.strip()));
			Optional<AgencySummary> agency = directory.find(id);
			if (agency.isEmpty() || !geography.contains(plan.province(), agency.get().unit())) {
				errors.reject(field, "plans.agency.outside-province");
				return null;
			}
			return id;
		}
		catch (NumberFormatException ex) {
			errors.reject(field, "validation.invalid");
			return null;
		}
	}

	private static LocalDate date(String text, String field, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "validation.date");
			return null;
		}
	}

}
