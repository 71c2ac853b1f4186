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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.registers.RegisterCounts;
import vn.trean.shared.FormErrors;

/**
 * Periodic plan reports: a unit's plan reporter starts, saves and submits the report of a
 * period; the province's plan administrator returns it with a comment or approves it; an
 * approved report is corrected only as a new version. Also the progress the approved
 * figures (and, for register indicators, the register counts) show against the targets.
 * Every write is one transaction with its audit entry.
 */
@Service
@Transactional
class PlanReports {

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final Authorization authorization;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegisterCounts registerCounts;

	PlanReports(ActionPlans actionPlans, PlanRepository plans, PlanReportRepository reports,
			Authorization authorization, Geography geography, ApplicationEventPublisher events, Clock clock,
			RegisterCounts registerCounts) {
		this.registerCounts = registerCounts;
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.authorization = authorization;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading ----

	/** One row of the list: a unit's report for the period, or none yet. */
	record Row(AdministrativeUnit unit, PlanReport report, LocalDate dueOn, boolean late, boolean mayStart) {
	}

	/** The reports of a period for the units within the user's reach. */
	record ReportList(Plan plan, ReportingPeriod period, List<ReportingPeriod> periods, List<Row> rows,
			boolean mayManage, Map<ReportingPeriod.Kind, Integer> schedule) {

		public int days(String kind) {
			return schedule.get(ReportingPeriod.Kind.valueOf(kind));
		}

		public long lateCount() {
			return rows.stream().filter(Row::late).count();
		}

	}

	@Transactional(readOnly = true)
	ReportList list(CurrentUser me, long planId, String periodText) {
		Plan plan = actionPlans.viewable(me, planId);
		ReportingPeriod period = chosenPeriod(plan, periodText);
		boolean mayManage = actionPlans.mayManage(me, plan);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province())
			.stream()
			.filter(u -> mayManage || maySubmit(me, u.id()))
			.toList();
		Map<UnitId, PlanReport> byUnit = reports
			.current(planId, period, units.stream().map(AdministrativeUnit::id).toList())
			.stream()
			.collect(Collectors.toMap(PlanReport::unit, Function.identity()));
		Map<ReportingPeriod.Kind, Integer> schedule = reports.schedule(planId);
		LocalDate today = today();
		LocalDate due = PlanReportPolicy.dueOn(period, schedule.get(period.kind()));
		List<Row> rows = new ArrayList<>();
		for (AdministrativeUnit unit : units) {
			PlanReport report = byUnit.get(unit.id());
			LocalDate dueOn = report == null ? due : report.dueOn();
			boolean late = report == null ? today.isAfter(dueOn) : report.lateOn(today);
			rows.add(new Row(unit, report, dueOn, late, report == null && maySubmit(me, unit.id())));
		}
		return new ReportList(plan, period, ReportingPeriod.of(plan), rows, mayManage, schedule);
	}

	/** What the report page shows and who may do what with it. */
	record ReportPage(Plan plan, PlanReport report, AdministrativeUnit unit, List<Indicator> reported,
			List<Indicator> counted, List<PlanReport> versions, boolean mayEdit, boolean mayDecide, boolean mayCorrect,
			boolean late) {

		public boolean latest() {
			return versions.isEmpty() || versions.get(0).id() == report.id();
		}

	}

	@Transactional(readOnly = true)
	ReportPage page(CurrentUser me, long planId, long reportId) {
		Plan plan = actionPlans.find(planId);
		PlanReport report = find(planId, reportId);
		boolean mayDecide = actionPlans.mayManage(me, plan);
		if (!mayDecide) {
			authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		}
		boolean maySubmit = maySubmit(me, report.unit());
		List<Indicator> indicators = plans.indicators(planId);
		List<PlanReport> versions = reports.versions(report);
		boolean latest = versions.isEmpty() || versions.get(0).id() == report.id();
		return new ReportPage(plan, report, geography.get(report.unit()),
				indicators.stream().filter(i -> i.source() == Indicator.Source.REPORTED).toList(),
				indicators.stream().filter(i -> i.source() == Indicator.Source.REGISTER).toList(), versions,
				maySubmit && latest && report.editable(), mayDecide && report.status() == PlanReport.Status.SUBMITTED,
				maySubmit && latest && report.status() == PlanReport.Status.APPROVED, report.lateOn(today()));
	}

	// ---- the reporter ----

	/** Starts the report of a unit for a period; refused when it exists already. */
	long start(CurrentUser me, long planId, String unitText, String periodText, String clientAddress) {
		Plan plan = actionPlans.viewable(me, planId);
		UnitId unit = unit(plan, unitText);
		authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(unit));
		PlanReportPolicy.Verdict<ReportingPeriod> period = PlanReportPolicy.period(plan, periodText);
		if (!period.allowed()) {
			throw refused(period.field(), period.reason());
		}
		if (reports.current(planId, unit, period.value()).isPresent()) {
			throw refused("period", "plan-reports.duplicate");
		}
		int days = reports.schedule(planId).get(period.value().kind());
		PlanReport report = PlanReport.draft(planId, unit, period.value(),
				PlanReportPolicy.dueOn(period.value(), days));
		long id;
		try {
			id = reports.insert(report, me.username(), clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw refused("period", "plan-reports.duplicate");
		}
		audit(me, "PLAN_REPORT_STARTED", id, report, "", clientAddress);
		return id;
	}

	/** Saves the figures as typed, and submits them when {@code submit}. */
	void save(CurrentUser me, long planId, long reportId, Map<String, String> form, boolean submit,
			String clientAddress) {
		PlanReport report = find(planId, reportId);
		authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		List<Indicator> reported = plans.indicators(planId)
			.stream()
			.filter(i -> i.source() == Indicator.Source.REPORTED)
			.toList();
		FormErrors errors = new FormErrors();
		List<ReportValue> values = PlanReportPolicy.values(reported, form, errors);
		// the state first: a second submission is named as such, not as a stale form
		PlanReport changed = submit ? report.submit(values, me.username(), clock.instant()) : report.saveDraft(values);
		requireVersion(report, form.get("version"));
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		if (!reports.update(changed, true)) {
			throw refused("version", "plan-reports.changed-meanwhile");
		}
		long flagged = values.stream().filter(ReportValue::flagged).count();
		audit(me, submit ? "PLAN_REPORT_SUBMITTED" : "PLAN_REPORT_SAVED", reportId, report,
				" values=" + values.size() + " flagged=" + flagged, clientAddress);
	}

	/** Opens the next version of an approved report; the approved one stays as it was. */
	long correct(CurrentUser me, long planId, long reportId, String version, String clientAddress) {
		PlanReport report = find(planId, reportId);
		authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		PlanReport correction = report.correction();
		requireVersion(report, version);
		if (!reports.current(planId, report.unit(), report.period()).map(r -> r.id() == reportId).orElse(false)) {
			throw refused("state", "plan-reports.correct.not-latest");
		}
		reports.supersede(reportId);
		long id = reports.insert(correction, me.username(), clock.instant());
		audit(me, "PLAN_REPORT_CORRECTION_STARTED", id, correction, " previous=" + reportId, clientAddress);
		return id;
	}

	// ---- the province ----

	void returnReport(CurrentUser me, long planId, long reportId, String version, String comment,
			String clientAddress) {
		Plan plan = actionPlans.find(planId);
		authorization.require(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province()));
		PlanReport report = find(planId, reportId);
		PlanReportPolicy.Verdict<String> text = PlanReportPolicy.returnComment(comment);
		if (report.status() == PlanReport.Status.SUBMITTED && !text.allowed()) {
			throw refused(text.field(), text.reason());
		}
		PlanReport returned = report.returnWith(text.value(), me.username(), clock.instant());
		requireVersion(report, version);
		if (!reports.update(returned, false)) {
			throw refused("version", "plan-reports.changed-meanwhile");
		}
		audit(me, "PLAN_REPORT_RETURNED", reportId, report, "", clientAddress);
	}

	void approve(CurrentUser me, long planId, long reportId, String version, String clientAddress) {
		Plan plan = actionPlans.find(planId);
		authorization.require(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province()));
		PlanReport report = find(planId, reportId);
		PlanReport approved = report.approve(me.username(), clock.instant());
		requireVersion(report, version);
		if (!reports.update(approved, false)) {
			throw refused("version", "plan-reports.changed-meanwhile");
		}
		audit(me, "PLAN_REPORT_APPROVED", reportId, report, "", clientAddress);
	}

	/** Sets how many days after a period's end the plan's reports are due. */
	void setSchedule(CurrentUser me, long planId, String sixMonthly, String yearly, String clientAddress) {
		Plan plan = actionPlans.find(planId);
		authorization.require(me, Action.MANAGE_ACTION_PLANS, ResourceScope.at(plan.province()));
		PlanReportPolicy.Verdict<Integer> six = PlanReportPolicy.days(sixMonthly, "sixMonthly");
		PlanReportPolicy.Verdict<Integer> year = PlanReportPolicy.days(yearly, "yearly");
		FormErrors errors = new FormErrors();
		for (PlanReportPolicy.Verdict<Integer> v : List.of(six, year)) {
			if (!v.allowed()) {
				errors.reject(v.field(), v.reason());
			}
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		Map<ReportingPeriod.Kind, Integer> before = reports.schedule(planId);
		reports.saveSchedule(planId, ReportingPeriod.Kind.SIX_MONTHLY, six.value(), me.username(), clock.instant());
		reports.saveSchedule(planId, ReportingPeriod.Kind.YEARLY, year.value(), me.username(), clock.instant());
		events.publishEvent(new PlanChanged(me.username(), "PLAN_REPORTING_SCHEDULE_SET", planId,
				"six-monthly " + before.get(ReportingPeriod.Kind.SIX_MONTHLY) + " -> " + six.value() + " days, yearly "
						+ before.get(ReportingPeriod.Kind.YEARLY) + " -> " + year.value() + " days",
				clientAddress, clock.instant()));
	}

	// ---- progress ----

	/**
	 * An indicator's city-wide progress; {@code city} is null for a register indicator
	 * without a value, {@code note} the message key saying why.
	 */
	record IndicatorProgress(Indicator indicator, Progress.Cell city, String note,
			Map<ReportValue.Disaggregation, Progress.Cell> sexes) {

		IndicatorProgress(Indicator indicator, Progress.Cell city, String note) {
			this(indicator, city, note, Map.of());
		}

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

	@Transactional(readOnly = true)
	ProgressPage progress(CurrentUser me, long planId, String periodText, String code) {
		Plan plan = actionPlans.viewable(me, planId);
		return progress(plan, chosenPeriod(plan, periodText), code);
	}

	/**
	 * The progress of a plan the caller has already been allowed to view (an export job
	 * checks when it is requested, then runs without the user).
	 */
	@Transactional(readOnly = true)
	ProgressPage progress(Plan plan, ReportingPeriod period, String code) {
		long planId = plan.id();
		List<Indicator> indicators = plans.indicators(planId);
		Set<UnitId> all = geography.unitsCountedFor(plan.province());
		List<IndicatorProgress> summary = new ArrayList<>();
		Indicator selected = null;
		List<UnitProgress> units = List.of();
		RegisterCounts.Figures cityCounts = null;
		for (Indicator indicator : indicators) {
			if (indicator.source() == Indicator.Source.REGISTER) {
				Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
				String note = registerNote(measure, period);
				if (note != null) {
					summary.add(new IndicatorProgress(indicator, null, note));
					continue;
				}
				if (cityCounts == null) {
					cityCounts = registerCounts.counts(plan.province(), period.start(), period.end());
				}
				Map<UnitId, BigDecimal> targets = targets(indicator, period.year());
				summary.add(new IndicatorProgress(indicator,
						measure.get().cell(indicator, cityCounts, targets.get(plan.province())), null));
				if (selected == null && (code == null || code.equals(indicator.code()))) {
					selected = indicator;
					units = registerCommunes(plan, period, indicator, measure.get(), targets);
				}
				continue;
			}
			List<Progress.Figure> figures = reports.approvedFigures(planId, indicator.id(), period, all);
			Map<UnitId, BigDecimal> targets = targets(indicator, period.year());
			Map<ReportValue.Disaggregation, List<Progress.Figure>> sexFigures = sexFigures(plan, period, indicator,
					all);
			summary.add(new IndicatorProgress(indicator, Progress.of(indicator, figures, targets.get(plan.province())),
					null, sexCells(indicator, sexFigures)));
			if (selected == null && (code == null || code.equals(indicator.code()))) {
				selected = indicator;
				units = reportedCommunes(plan, indicator, figures, sexFigures, targets);
			}
		}
		if (code != null && selected == null) {
			throw new UnknownPlan("indicator with a value " + code);
		}
		return new ProgressPage(plan, period, ReportingPeriod.of(plan), summary, selected, units);
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
					sexCells(indicator, own));
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
	 * The sums of the figures by sex (no target: targets are set for the totals), empty
	 * when no report gave a figure by sex.
	 */
	private static Map<ReportValue.Disaggregation, Progress.Cell> sexCells(Indicator indicator,
			Map<ReportValue.Disaggregation, List<Progress.Figure>> figures) {
		if (figures.values().stream().allMatch(List::isEmpty)) {
			return Map.of();
		}
		Map<ReportValue.Disaggregation, Progress.Cell> cells = new EnumMap<>(ReportValue.Disaggregation.class);
		for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
			cells.put(sex, Progress.of(indicator, figures.getOrDefault(sex, List.of()), null));
		}
		return cells;
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
	 * per family of counts (not one query per commune).
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

	/**
	 * Every commune's progress on one indicator (the units below the province, in force
	 * today), empty when the indicator has no value in the period; for a plan the caller
	 * has already been allowed to view.
	 */
	@Transactional(readOnly = true)
	List<UnitProgress> communes(Plan plan, ReportingPeriod period, Indicator indicator) {
		Map<UnitId, BigDecimal> targets = targets(indicator, period.year());
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(plan.province()).stream().skip(1).toList();
		if (indicator.source() == Indicator.Source.REGISTER) {
			Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
			if (registerNote(measure, period) != null) {
				return List.of();
			}
			return registerCommunes(plan, period, indicator, measure.get(), targets);
		}
		Set<UnitId> all = geography.unitsCountedFor(plan.province());
		return reportedCommunes(plan, indicator, reports.approvedFigures(plan.id(), indicator.id(), period, all),
				sexFigures(plan, period, indicator, all), targets);
	}

	/**
	 * Why a register indicator has no value in the period, or {@code null} when it has
	 * one: its mapping to the registers is unknown. Half years are counted like years,
	 * between the period's first and last days.
	 */
	private static String registerNote(Optional<RegisterMeasure> measure, ReportingPeriod period) {
		return measure.isEmpty() ? "plan-reports.register.to-complete" : null;
	}

	/** One figure of a trace with its unit's name. */
	record TraceRow(Progress.Figure figure, String unitName) {
	}

	/** One register record behind a register indicator's number, with its unit's name. */
	record RecordRow(RegisterCounts.TracedRecord record, String unitName) {
	}

	/**
	 * Which approved reports and figures made a number; for a register indicator, which
	 * register records made its numerator and its denominator.
	 */
	record Trace(Plan plan, Indicator indicator, ReportingPeriod period, AdministrativeUnit unit, Progress.Cell cell,
			List<TraceRow> rows, List<RecordRow> numeratorRecords, List<RecordRow> denominatorRecords) {

		public boolean counted() {
			return indicator.source() == Indicator.Source.REGISTER;
		}

	}

	@Transactional(readOnly = true)
	Trace trace(CurrentUser me, long planId, String code, String periodText, String unitText) {
		Plan plan = actionPlans.viewable(me, planId);
		Indicator indicator = plans.indicator(planId, code).orElseThrow(() -> new UnknownPlan("indicator " + code));
		ReportingPeriod period = chosenPeriod(plan, periodText);
		if (indicator.source() == Indicator.Source.REGISTER) {
			Optional<RegisterMeasure> measure = RegisterMeasure.of(indicator);
			if (registerNote(measure, period) != null) {
				throw new UnknownPlan("register value of indicator " + code + " for " + period.code());
			}
			return registerTrace(me, plan, indicator, measure.get(), period, unit(plan, unitText));
		}
		UnitId unit = unit(plan, unitText);
		Set<UnitId> within = geography.unitsCountedFor(unit);
		List<Progress.Figure> figures = reports.approvedFigures(planId, indicator.id(), period, within);
		Map<UnitId, String> names = new HashMap<>();
		List<TraceRow> rows = figures.stream()
			.map(f -> new TraceRow(f, names.computeIfAbsent(f.unit(), u -> geography.get(u).fullName())))
			.sorted(java.util.Comparator.comparing(TraceRow::unitName))
			.toList();
		return new Trace(plan, indicator, period, geography.get(unit),
				Progress.of(indicator, figures, targets(indicator, period.year()).get(unit)), rows, List.of(),
				List.of());
	}

	/**
	 * The register records behind a register indicator's number. The records name people,
	 * so reading them needs {@code VIEW_STATISTICS} at the unit traced, as the registers'
	 * own pages do; the number is their count, so the two cannot disagree.
	 */
	private Trace registerTrace(CurrentUser me, Plan plan, Indicator indicator, RegisterMeasure measure,
			ReportingPeriod period, UnitId unit) {
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(unit));
		Map<UnitId, String> names = new HashMap<>();
		Function<List<RegisterCounts.TracedRecord>, List<RecordRow>> rows = records -> records.stream()
			.map(r -> new RecordRow(r, names.computeIfAbsent(r.unit(), u -> geography.get(u).fullName())))
			.toList();
		List<RecordRow> numerator = rows
			.apply(registerCounts.trace(unit, period.start(), period.end(), measure.numerator()));
		List<RecordRow> denominator = measure.denominator() == null ? List.of()
				: rows.apply(registerCounts.trace(unit, period.start(), period.end(), measure.denominator()));
		Progress.Cell cell = Progress.counted(indicator, numerator.size(), denominator.size(),
				targets(indicator, period.year()).get(unit));
		return new Trace(plan, indicator, period, geography.get(unit), cell, List.of(), numerator, denominator);
	}

	// ---- rules ----

	private boolean maySubmit(CurrentUser me, UnitId unit) {
		return authorization.decide(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(unit)).allowed();
	}

	private PlanReport find(long planId, long reportId) {
		return reports.find(planId, reportId).orElseThrow(() -> new UnknownPlan("report " + reportId));
	}

	private Map<UnitId, BigDecimal> targets(Indicator indicator, int year) {
		Map<UnitId, BigDecimal> targets = new HashMap<>();
		plans.targets(indicator.id())
			.stream()
			.filter(t -> t.year() == year)
			.forEach(t -> targets.put(t.unit(), t.value()));
		return targets;
	}

	/**
	 * The period asked for, or the latest one that has ended (the plan's first while none
	 * has).
	 */
	private ReportingPeriod chosenPeriod(Plan plan, String text) {
		if (text != null && !text.isBlank()) {
			PlanReportPolicy.Verdict<ReportingPeriod> period = PlanReportPolicy.period(plan, text);
			if (!period.allowed()) {
				throw new UnknownPlan("period " + text + " of the plan");
			}
			return period.value();
		}
		LocalDate today = today();
		List<ReportingPeriod> periods = ReportingPeriod.of(plan);
		return periods.stream()
			.filter(p -> p.end().isBefore(today))
			.findFirst()
			.orElse(periods.get(periods.size() - 1));
	}

	/** A unit of the plan's province, in force today. */
	private UnitId unit(Plan plan, String text) {
		Optional<AdministrativeUnit> unit;
		try {
			unit = geography.find(new UnitId(Long.parseLong(text == null ? "" : text.strip())));
		}
		catch (NumberFormatException ex) {
			unit = Optional.empty();
		}
		if (unit.isEmpty() || !unit.get().current() || !geography.contains(plan.province(), unit.get().id())) {
			throw refused("unit", "plans.unit.outside-province");
		}
		return unit.get().id();
	}

	private static void requireVersion(PlanReport report, String version) {
		Integer read;
		try {
			read = version == null ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			read = null;
		}
		if (read == null || read != report.version()) {
			throw refused("version", "plan-reports.changed-meanwhile");
		}
	}

	private static InvalidPlanInput refused(String field, String key) {
		return new InvalidPlanInput(new FormErrors().reject(field, key));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(vn.trean.shared.Time.ZONE));
	}

	private void audit(CurrentUser me, String change, long reportId, PlanReport report, String more,
			String clientAddress) {
		events.publishEvent(new PlanReportChanged(me.username(), change, reportId,
				"plan=" + report.planId() + " unit=" + geography.get(report.unit()).code() + " period="
						+ report.period().code() + " version=" + report.reportVersion() + more,
				clientAddress, clock.instant()));
	}

}
