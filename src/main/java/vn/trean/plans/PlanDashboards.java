package vn.trean.plans;

import java.math.BigDecimal;
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
import vn.trean.registers.RegisterCounts;

/**
 * The values of a plan's city dashboard (docs/domain.md §5): every indicator with a
 * value, for every commune in force today (or old district) and the city, in every year
 * of the plan; {@link DashboardPages} lays out one year of them. Computed on every
 * request without a precomputed cache: the register counts of all communes and years come
 * from {@link RegisterCounts#countsByCommune} (one query per family of counts), the
 * reported figures from one query of the approved yearly reports, the targets from one
 * query. The city sums the numerators and the denominators of its units and divides once;
 * it never averages the communes' percentages.
 */
@Service
@Transactional(readOnly = true)
class PlanDashboards {

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final Geography geography;

	private final RegisterCounts registerCounts;

	PlanDashboards(PlanRepository plans, PlanReportRepository reports, Geography geography,
			RegisterCounts registerCounts) {
		this.plans = plans;
		this.reports = reports;
		this.geography = geography;
		this.registerCounts = registerCounts;
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
		List<Group> groups = groups(history, view);
		List<Indicator> indicators = plans.indicators(plan.id());
		Map<Long, Map<UnitId, Map<Integer, BigDecimal>>> targets = new HashMap<>();
		plans.planTargets(plan.id())
			.forEach(t -> targets.computeIfAbsent(t.indicatorId(), i -> new HashMap<>())
				.computeIfAbsent(t.unit(), u -> new HashMap<>())
				.put(t.year(), t.value()));
		Sources sources = sources(plan, view, history.groups(view), indicators);
		List<IndicatorValues> result = new ArrayList<>();
		for (Indicator indicator : indicators) {
			Map<UnitId, Map<Integer, BigDecimal>> its = targets.getOrDefault(indicator.id(), Map.of());
			Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
			if (indicator.source() == Indicator.Source.REGISTER && measure.isEmpty()) {
				result.add(new IndicatorValues(indicator, PlanProgress.TO_COMPLETE, Map.of(), Map.of()));
				continue;
			}
			IndicatorValues values = new IndicatorValues(indicator, null, new HashMap<>(), new HashMap<>());
			for (int year : years) {
				fill(values, plan, groups, year, its, sources, measure);
			}
			result.add(values);
		}
		return new Values(plan, view, groups, years, result);
	}

	/**
	 * What the values are computed from: the register counts of every group and year (one
	 * query per family of counts), the approved yearly figures by indicator, year and
	 * unit, and which group each unit's figures count in.
	 */
	private record Sources(RegisterCounts.Grouped counts, Map<Long, Map<Integer, Map<UnitId, Progress.Figure>>> figures,
			Map<UnitId, UnitId> groupOf) {
	}

	private Sources sources(Plan plan, UnitHistory.View view, Map<UnitId, UnitId> groupOf, List<Indicator> indicators) {
		Set<RegisterCounts.Count> wanted = EnumSet.noneOf(RegisterCounts.Count.class);
		boolean reported = false;
		for (Indicator indicator : indicators) {
			RegisterMeasure.of(indicator).ifPresent(m -> {
				wanted.add(m.numerator());
				if (m.denominator() != null) {
					wanted.add(m.denominator());
				}
			});
			reported |= indicator.source() != Indicator.Source.REGISTER;
		}
		RegisterCounts.Grouped counts = wanted.isEmpty() ? null
				: registerCounts.countsByGroup(plan.province(), view, plan.startYear(), plan.endYear(), wanted);
		Map<Long, Map<Integer, Map<UnitId, Progress.Figure>>> figures = new HashMap<>();
		if (reported) {
			reportedFigures(plan).forEach(f -> figures.computeIfAbsent(f.indicatorId(), i -> new HashMap<>())
				.computeIfAbsent(f.year(), y -> new HashMap<>())
				.put(f.figure().unit(), f.figure()));
		}
		return new Sources(counts, figures, groupOf);
	}

	/** One year's values of an indicator, for the city and every group. */
	private void fill(IndicatorValues values, Plan plan, List<Group> groups, int year,
			Map<UnitId, Map<Integer, BigDecimal>> targets, Sources sources, Optional<RegisterMeasure> measure) {
		Indicator indicator = values.indicator();
		if (indicator.source() == Indicator.Source.REGISTER) {
			RegisterMeasure m = measure.get();
			values.city()
				.put(year, m.cell(indicator, sources.counts().get(plan.province(), year),
						target(targets, plan.province(), year)));
			for (Group g : groups) {
				UnitId id = g.unit().id();
				values.groups()
					.computeIfAbsent(id, u -> new HashMap<>())
					.put(year, m.cell(indicator, sources.counts().get(id, year), target(targets, id, year)));
			}
			return;
		}
		Map<UnitId, Progress.Figure> ofYear = sources.figures()
			.getOrDefault(indicator.id(), Map.of())
			.getOrDefault(year, Map.of());
		values.city()
			.put(year, Progress.of(indicator, List.copyOf(ofYear.values()), target(targets, plan.province(), year)));
		Map<UnitId, List<Progress.Figure>> ofGroup = Progress.byGroup(ofYear.values(), sources.groupOf());
		for (Group g : groups) {
			UnitId id = g.unit().id();
			values.groups()
				.computeIfAbsent(id, u -> new HashMap<>())
				.put(year, Progress.of(indicator, ofGroup.getOrDefault(id, List.of()), target(targets, id, year)));
		}
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

}
