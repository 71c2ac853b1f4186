package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.CurrentUser;
import vn.trean.registers.RegisterCounts;
import vn.trean.shared.Time;

/**
 * The progress a plan's figures show against its targets, for one period: every
 * indicator's city-wide value and every commune's for one indicator. Reported indicators
 * count the approved reports (the newest approved version of each unit's report);
 * register indicators count the registers. A read model: it changes nothing, and the
 * export jobs read it too, without the user.
 */
@Service
@Transactional(readOnly = true)
class PlanProgress {

	/**
	 * An indicator's city-wide progress; {@code city} is null for a register indicator
	 * without a value, {@code note} the message key saying why.
	 */
	record IndicatorProgress(Indicator indicator, Progress.Cell city, String note,
			Map<ReportValue.Disaggregation, Progress.Cell> sexes) {

		public boolean counted() {
			return indicator.source() == Indicator.Source.REGISTER;
		}

	}

	/**
	 * A unit's progress on one indicator; {@code sexes} its figures for women and girls
	 * and for men and boys, in that order, when its reports gave any.
	 */
	record UnitProgress(AdministrativeUnit unit, Progress.Cell cell,
			Map<ReportValue.Disaggregation, Progress.Cell> sexes) {

		UnitProgress(AdministrativeUnit unit, Progress.Cell cell) {
			this(unit, cell, Map.of());
		}

	}

	/** Every indicator's city value for a period, and the communes for one indicator. */
	record ProgressPage(Plan plan, ReportingPeriod period, List<ReportingPeriod> periods,
			List<IndicatorProgress> indicators, Indicator selected, List<UnitProgress> units) {
	}

	/** Why a register indicator has no value: its mapping to the registers is unknown. */
	static final String TO_COMPLETE = "plan-reports.register.to-complete";

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final Geography geography;

	private final RegisterCounts registerCounts;

	private final Clock clock;

	PlanProgress(ActionPlans actionPlans, PlanRepository plans, PlanReportRepository reports, Geography geography,
			RegisterCounts registerCounts, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.geography = geography;
		this.registerCounts = registerCounts;
		this.clock = clock;
	}

	ProgressPage progress(CurrentUser me, PlanId planId, String periodText, String code) {
		Plan plan = actionPlans.viewable(me, planId);
		return progress(plan, ReportingPeriod.chosen(plan, periodText, today()), code);
	}

	/**
	 * The progress of a plan the caller has already been allowed to view (an export job
	 * checks when it is requested, then runs without the user); the communes are those of
	 * the indicator with the code, or of the first with a value.
	 */
	ProgressPage progress(Plan plan, ReportingPeriod period, String code) {
		Set<UnitId> all = geography.unitsCountedFor(plan.province());
		List<Indicator> indicators = plans.indicators(plan.id());
		RegisterCounts.Figures city = indicators.stream().anyMatch(i -> RegisterMeasure.of(i).isPresent())
				? registerCounts.counts(plan.province(), period.start(), period.end()) : null;
		List<IndicatorProgress> summary = new ArrayList<>();
		Indicator selected = null;
		for (Indicator indicator : indicators) {
			IndicatorProgress row = indicator.source() == Indicator.Source.REGISTER
					? counted(plan, period, indicator, city) : reported(plan, period, indicator, all);
			summary.add(row);
			if (selected == null && row.note() == null && (code == null || code.equals(indicator.code()))) {
				selected = indicator;
			}
		}
		if (code != null && selected == null) {
			throw new UnknownPlan("indicator with a value " + code);
		}
		List<UnitProgress> units = selected == null ? List.of() : communes(plan, period, selected);
		return new ProgressPage(plan, period, ReportingPeriod.of(plan), summary, selected, units);
	}

	/**
	 * Every commune's progress on one indicator (the units below the province, in force
	 * today), empty when the indicator has no value in the period; for a plan the caller
	 * has already been allowed to view.
	 */
	List<UnitProgress> communes(Plan plan, ReportingPeriod period, Indicator indicator) {
		Map<UnitId, BigDecimal> targets = targets(indicator, period.year());
		if (indicator.source() == Indicator.Source.REGISTER) {
			return RegisterMeasure.of(indicator)
				.map(measure -> registerCommunes(plan, period, indicator, measure, targets))
				.orElse(List.of());
		}
		Set<UnitId> all = geography.unitsCountedFor(plan.province());
		return reportedCommunes(plan, indicator, reports.approvedFigures(plan.id(), indicator.id(), period, all),
				sexFigures(plan, period, indicator, all), targets);
	}

	/** The targets of an indicator for a year, by unit. */
	Map<UnitId, BigDecimal> targets(Indicator indicator, int year) {
		Map<UnitId, BigDecimal> targets = new HashMap<>();
		plans.targets(indicator.id())
			.stream()
			.filter(t -> t.year() == year)
			.forEach(t -> targets.put(t.unit(), t.value()));
		return targets;
	}

	private IndicatorProgress counted(Plan plan, ReportingPeriod period, Indicator indicator,
			RegisterCounts.Figures city) {
		Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
		if (measure.isEmpty()) {
			return new IndicatorProgress(indicator, null, TO_COMPLETE, Map.of());
		}
		BigDecimal target = targets(indicator, period.year()).get(plan.province());
		return new IndicatorProgress(indicator, measure.get().cell(indicator, city, target), null, Map.of());
	}

	private IndicatorProgress reported(Plan plan, ReportingPeriod period, Indicator indicator, Set<UnitId> all) {
		List<Progress.Figure> figures = reports.approvedFigures(plan.id(), indicator.id(), period, all);
		BigDecimal target = targets(indicator, period.year()).get(plan.province());
		return new IndicatorProgress(indicator, Progress.of(indicator, figures, target), null,
				Progress.bySex(indicator, sexFigures(plan, period, indicator, all)));
	}

	/**
	 * Every commune's reported progress on one indicator, with its figures by sex when
	 * its reports gave any.
	 */
	private List<UnitProgress> reportedCommunes(Plan plan, Indicator indicator, List<Progress.Figure> figures,
			Map<ReportValue.Disaggregation, List<Progress.Figure>> sexFigures, Map<UnitId, BigDecimal> targets) {
		Map<UnitId, List<Progress.Figure>> byUnit = byCommune(plan, figures);
		Map<ReportValue.Disaggregation, Map<UnitId, List<Progress.Figure>>> sexesByUnit = new EnumMap<>(
				ReportValue.Disaggregation.class);
		sexFigures.forEach((sex, list) -> sexesByUnit.put(sex, byCommune(plan, list)));
		return geography.currentUnitsWithin(plan.province()).stream().skip(1).map(u -> {
			Map<ReportValue.Disaggregation, List<Progress.Figure>> own = new EnumMap<>(
					ReportValue.Disaggregation.class);
			sexesByUnit.forEach((sex, byUnitOfSex) -> own.put(sex, byUnitOfSex.getOrDefault(u.id(), List.of())));
			return new UnitProgress(u,
					Progress.of(indicator, byUnit.getOrDefault(u.id(), List.of()), targets.get(u.id())),
					Progress.bySex(indicator, own));
		}).toList();
	}

	/**
	 * The approved figures by sex of a reported indicator broken down by sex (none for
	 * another indicator).
	 */
	private Map<ReportValue.Disaggregation, List<Progress.Figure>> sexFigures(Plan plan, ReportingPeriod period,
			Indicator indicator, Set<UnitId> units) {
		if (!indicator.bySex()) {
			return Map.of();
		}
		Map<ReportValue.Disaggregation, List<Progress.Figure>> figures = new EnumMap<>(
				ReportValue.Disaggregation.class);
		for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
			figures.put(sex, reports.approvedFigures(plan.id(), indicator.id(), period, units, sex));
		}
		return figures;
	}

	/**
	 * Reported figures by the commune of today they count for: a commune's own, and those
	 * of the old communes merged whole into it (figures of units to review count only in
	 * the province's total).
	 */
	private Map<UnitId, List<Progress.Figure>> byCommune(Plan plan, List<Progress.Figure> figures) {
		return Progress.byGroup(figures, geography.history(plan.province()).groups(UnitHistory.View.CURRENT_COMMUNES));
	}

	/**
	 * Every commune's register-counted progress on one indicator, from one grouped query
	 * per family of counts (not one query per commune). Half years are counted like
	 * years, between the period's first and last days.
	 */
	private List<UnitProgress> registerCommunes(Plan plan, ReportingPeriod period, Indicator indicator,
			RegisterMeasure measure, Map<UnitId, BigDecimal> targets) {
		Set<RegisterCounts.Count> wanted = EnumSet.of(measure.numerator());
		if (measure.denominator() != null) {
			wanted.add(measure.denominator());
		}
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(plan.province()).stream().skip(1).toList();
		if (period.kind() != ReportingPeriod.Kind.YEARLY) {
			// the grouped counts are by calendar year: a half year is counted per commune
			return communes.stream()
				.map(u -> new UnitProgress(u,
						measure.cell(indicator, registerCounts.counts(u.id(), period.start(), period.end()),
								targets.get(u.id()))))
				.toList();
		}
		RegisterCounts.Grouped counts = registerCounts.countsByCommune(plan.province(), period.year(), period.year(),
				wanted);
		return communes.stream()
			.map(u -> new UnitProgress(u,
					measure.cell(indicator, counts.get(u.id(), period.year()), targets.get(u.id()))))
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

}
