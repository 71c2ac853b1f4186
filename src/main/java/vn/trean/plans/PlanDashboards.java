package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.registers.RegisterCounts;

/**
 * The city dashboard of a plan (docs/domain.md §5): every indicator with a value, for
 * every commune in force today and the city, for one year of the plan, and each
 * indicator's city value over the plan's years against its target. Computed on every
 * request without a precomputed cache: the register counts of all communes and years come
 * from {@link RegisterCounts#countsByCommune} (one query per family of counts), the
 * reported figures from one query of the approved yearly reports, the targets from one
 * query. The city sums the numerators and the denominators of its units and divides once;
 * it never averages the communes' percentages.
 */
@Service
@Transactional(readOnly = true)
class PlanDashboards {

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final Geography geography;

	private final RegisterCounts registerCounts;

	private final Clock clock;

	PlanDashboards(ActionPlans actionPlans, PlanRepository plans, PlanReportRepository reports, Geography geography,
			RegisterCounts registerCounts, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.geography = geography;
		this.registerCounts = registerCounts;
		this.clock = clock;
	}

	/** One indicator's values: the city and each group for every year of the plan. */
	record IndicatorValues(Indicator indicator, String note, Map<Integer, Progress.Cell> city,
			Map<UnitId, Map<Integer, Progress.Cell>> groups) {

		public boolean counted() {
			return indicator.source() == Indicator.Source.REGISTER;
		}

	}

	/**
	 * A row of the dashboard: a commune of today (or an old district), or a unit to
	 * review with the units it may belong to.
	 */
	record Group(AdministrativeUnit unit, boolean review, List<AdministrativeUnit> candidates) {

		public String candidateNames() {
			return String.join(", ", candidates.stream().map(AdministrativeUnit::fullName).toList());
		}

	}

	/**
	 * Every indicator's values for every group of the view and year of the plan; the
	 * groups to review come after the regular ones.
	 */
	record Values(Plan plan, UnitHistory.View view, List<Group> groups, List<Integer> years,
			List<IndicatorValues> indicators) {
	}

	/** One indicator's row of the dashboard for the chosen year, with its trend. */
	record IndicatorRow(Indicator indicator, String note, Progress.Cell city, List<Progress.Cell> communes,
			TrendChart chart) {

		public boolean counted() {
			return indicator.source() == Indicator.Source.REGISTER;
		}

	}

	/**
	 * What the dashboard page shows: the rows are the regular groups of the view, then
	 * the groups to review that have figures in the year.
	 */
	record Dashboard(Plan plan, UnitHistory.View view, int year, List<Integer> years, List<Group> rows,
			List<IndicatorRow> indicators, List<IndicatorRow> withoutValue) {

		public boolean byOldDistricts() {
			return view == UnitHistory.View.OLD_DISTRICTS;
		}

		public long reviewRows() {
			return rows.stream().filter(Group::review).count();
		}

	}

	@Transactional(readOnly = true)
	Dashboard dashboard(CurrentUser me, long planId, String yearText, String viewText) {
		Plan plan = actionPlans.viewable(me, planId);
		int year = chosenYear(plan, yearText);
		UnitHistory.View view = chosenView(viewText);
		Values values = values(plan, view);
		List<IndicatorValues> valued = values.indicators().stream().filter(v -> v.note() == null).toList();
		List<Group> shown = values.groups()
			.stream()
			.filter(g -> !g.review() || valued.stream().anyMatch(v -> hasFigures(v, g, year)))
			.toList();
		List<IndicatorRow> rows = new ArrayList<>();
		List<IndicatorRow> without = new ArrayList<>();
		for (IndicatorValues v : values.indicators()) {
			if (v.note() != null) {
				without.add(new IndicatorRow(v.indicator(), v.note(), null, List.of(), null));
				continue;
			}
			List<Progress.Cell> cells = shown.stream()
				.map(g -> v.groups().getOrDefault(g.unit().id(), Map.of()).get(year))
				.toList();
			rows.add(new IndicatorRow(v.indicator(), null, v.city().get(year), cells,
					TrendChart.of(v.indicator(), values.years(), v.city())));
		}
		return new Dashboard(plan, view, year, values.years(), shown, rows, without);
	}

	private static boolean hasFigures(IndicatorValues values, Group group, int year) {
		Progress.Cell cell = values.groups().getOrDefault(group.unit().id(), Map.of()).get(year);
		return cell != null
				&& (cell.numerator() > 0 || cell.denominator() > 0 || (!values.counted() && cell.figures() > 0));
	}

	private static UnitHistory.View chosenView(String text) {
		if (text == null || text.isBlank()) {
			return UnitHistory.View.CURRENT_COMMUNES;
		}
		try {
			return UnitHistory.View.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownPlan("view " + text + " of the dashboard");
		}
	}

	/**
	 * Every indicator's value for the city and every commune of today in every year of
	 * the plan.
	 */
	@Transactional(readOnly = true)
	Values values(Plan plan) {
		return values(plan, UnitHistory.View.CURRENT_COMMUNES);
	}

	/**
	 * Every indicator's value for the city and every group of the view (the communes of
	 * today with the old communes merged whole into them, or the old districts; then the
	 * units to review) in every year of the plan, computed from the registers and the
	 * approved yearly reports; the work the dashboard does on every request.
	 */
	@Transactional(readOnly = true)
	Values values(Plan plan, UnitHistory.View view) {
		List<Integer> years = IntStream.rangeClosed(plan.startYear(), plan.endYear()).boxed().toList();
		UnitHistory history = geography.history(plan.province());
		Map<UnitId, UnitId> groupOf = history.groups(view);
		List<Group> groups = groups(history, view);
		List<AdministrativeUnit> units = groups.stream().map(Group::unit).toList();
		List<Indicator> indicators = plans.indicators(plan.id());
		Map<Long, Map<UnitId, Map<Integer, BigDecimal>>> targets = new HashMap<>();
		plans.planTargets(plan.id())
			.forEach(t -> targets.computeIfAbsent(t.indicatorId(), i -> new HashMap<>())
				.computeIfAbsent(t.unit(), u -> new HashMap<>())
				.put(t.year(), t.value()));

		Set<RegisterCounts.Count> wanted = EnumSet.noneOf(RegisterCounts.Count.class);
		boolean reported = false;
		for (Indicator indicator : indicators) {
			Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
			measure.ifPresent(m -> {
				wanted.add(m.numerator());
				if (m.denominator() != null) {
					wanted.add(m.denominator());
				}
			});
			reported |= indicator.source() != Indicator.Source.REGISTER;
		}
		RegisterCounts.Grouped counts = wanted.isEmpty() ? null
				: registerCounts.countsByGroup(plan.province(), view, plan.startYear(), plan.endYear(), wanted);
		// indicator -> year -> unit -> figure
		Map<Long, Map<Integer, Map<UnitId, Progress.Figure>>> figures = new HashMap<>();
		if (reported) {
			reportedFigures(plan).forEach(f -> figures.computeIfAbsent(f.indicatorId(), i -> new HashMap<>())
				.computeIfAbsent(f.year(), y -> new HashMap<>())
				.put(f.figure().unit(), f.figure()));
		}

		List<IndicatorValues> result = new ArrayList<>();
		for (Indicator indicator : indicators) {
			Map<UnitId, Map<Integer, BigDecimal>> its = targets.getOrDefault(indicator.id(), Map.of());
			Map<Integer, Progress.Cell> city = new HashMap<>();
			Map<UnitId, Map<Integer, Progress.Cell>> byGroup = new HashMap<>();
			if (indicator.source() == Indicator.Source.REGISTER) {
				Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
				if (measure.isEmpty()) {
					result.add(new IndicatorValues(indicator, "plan-reports.register.to-complete", Map.of(), Map.of()));
					continue;
				}
				RegisterMeasure m = measure.get();
				for (int year : years) {
					city.put(year,
							m.cell(indicator, counts.get(plan.province(), year), target(its, plan.province(), year)));
					for (AdministrativeUnit c : units) {
						byGroup.computeIfAbsent(c.id(), u -> new HashMap<>())
							.put(year, m.cell(indicator, counts.get(c.id(), year), target(its, c.id(), year)));
					}
				}
			}
			else {
				Map<Integer, Map<UnitId, Progress.Figure>> its2 = figures.getOrDefault(indicator.id(), Map.of());
				for (int year : years) {
					Map<UnitId, Progress.Figure> ofYear = its2.getOrDefault(year, Map.of());
					city.put(year,
							Progress.of(indicator, List.copyOf(ofYear.values()), target(its, plan.province(), year)));
					Map<UnitId, List<Progress.Figure>> ofGroup = Progress.byGroup(ofYear.values(), groupOf);
					for (AdministrativeUnit c : units) {
						byGroup.computeIfAbsent(c.id(), u -> new HashMap<>())
							.put(year, Progress.of(indicator, ofGroup.getOrDefault(c.id(), List.of()),
									target(its, c.id(), year)));
					}
				}
			}
			result.add(new IndicatorValues(indicator, null, city, byGroup));
		}
		return new Values(plan, view, groups, years, result);
	}

	/**
	 * The approved yearly figures of every unit of the plan's province and its history.
	 */
	List<PlanReportRepository.YearFigure> reportedFigures(Plan plan) {
		return reports.approvedYearlyFigures(plan.id(), plan.startYear(), plan.endYear(),
				geography.unitsCountedFor(plan.province()));
	}

	/** The regular groups of the view in name order, then the groups to review. */
	private List<Group> groups(UnitHistory history, UnitHistory.View view) {
		List<Group> groups = new ArrayList<>();
		List<AdministrativeUnit> regular = view == UnitHistory.View.CURRENT_COMMUNES ? history.communes()
				: history.oldDistricts();
		regular.forEach(u -> groups.add(new Group(u, false, List.of())));
		history.toReview(view)
			.stream()
			.map(geography::get)
			.sorted(java.util.Comparator.comparing(AdministrativeUnit::level).thenComparing(AdministrativeUnit::code))
			.forEach(u -> groups.add(new Group(u, true,
					history.candidates().getOrDefault(u.id(), List.of()).stream().map(geography::get).toList())));
		return groups;
	}

	private static BigDecimal target(Map<UnitId, Map<Integer, BigDecimal>> targets, UnitId unit, int year) {
		return targets.getOrDefault(unit, Map.of()).get(year);
	}

	/**
	 * The year asked for, or the latest of the plan that has ended (its first if none).
	 */
	private int chosenYear(Plan plan, String text) {
		if (text != null && !text.isBlank()) {
			try {
				int year = Integer.parseInt(text.strip());
				if (plan.covers(year)) {
					return year;
				}
			}
			catch (NumberFormatException ex) {
				// not a year: refused below
			}
			throw new UnknownPlan("year " + text + " of the plan");
		}
		int lastEnded = LocalDate.now(clock.withZone(vn.trean.shared.Time.ZONE)).getYear() - 1;
		return Math.max(plan.startYear(), Math.min(plan.endYear(), lastEnded));
	}

}
