package vn.trean.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.Time;

/**
 * What the report pages show: the reports of a period for the units within the user's
 * reach, and one report with its versions and the steps the user may take on it.
 */
@Service
@Transactional(readOnly = true)
class PlanReportPages {

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

	/** What the report page shows and who may do what with it. */
	record ReportPage(Plan plan, PlanReport report, AdministrativeUnit unit, List<Indicator> reported,
			List<Indicator> counted, List<PlanReport> versions, boolean mayEdit, boolean mayDecide, boolean mayCorrect,
			boolean late) {

		public boolean latest() {
			return versions.isEmpty() || versions.get(0).id() == report.id();
		}

	}

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final ReportingScheduleRepository schedules;

	private final Authorization authorization;

	private final Geography geography;

	private final Clock clock;

	PlanReportPages(ActionPlans actionPlans, PlanRepository plans, PlanReportRepository reports,
			ReportingScheduleRepository schedules, Authorization authorization, Geography geography, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.schedules = schedules;
		this.authorization = authorization;
		this.geography = geography;
		this.clock = clock;
	}

	ReportList list(CurrentUser me, PlanId planId, String periodText) {
		Plan plan = actionPlans.viewable(me, planId);
		LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
		ReportingPeriod period = ReportingPeriod.chosen(plan, periodText, today);
		boolean mayManage = actionPlans.mayManage(me, plan);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(plan.province())
			.stream()
			.filter(u -> mayManage || maySubmit(me, u.id()))
			.toList();
		Map<UnitId, PlanReport> byUnit = reports
			.current(plan.id(), period, units.stream().map(AdministrativeUnit::id).toList())
			.stream()
			.collect(Collectors.toMap(PlanReport::unit, Function.identity()));
		Map<ReportingPeriod.Kind, Integer> schedule = schedules.of(plan.id());
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

	ReportPage page(CurrentUser me, PlanId planId, ReportId reportId) {
		Plan plan = actionPlans.find(planId);
		PlanReport report = reports.find(plan.id(), reportId.value())
			.orElseThrow(() -> new UnknownPlan("report " + reportId));
		boolean mayDecide = actionPlans.mayManage(me, plan);
		if (!mayDecide) {
			authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		}
		boolean maySubmit = maySubmit(me, report.unit());
		List<Indicator> indicators = plans.indicators(plan.id());
		List<PlanReport> versions = reports.versions(report);
		boolean latest = versions.isEmpty() || versions.get(0).id() == report.id();
		return new ReportPage(plan, report, geography.get(report.unit()),
				indicators.stream().filter(i -> i.source() == Indicator.Source.REPORTED).toList(),
				indicators.stream().filter(i -> i.source() == Indicator.Source.REGISTER).toList(), versions,
				maySubmit && latest && report.editable(), mayDecide && report.status() == PlanReport.Status.SUBMITTED,
				maySubmit && latest && report.status() == PlanReport.Status.APPROVED,
				report.lateOn(LocalDate.now(clock.withZone(Time.ZONE))));
	}

	private boolean maySubmit(CurrentUser me, UnitId unit) {
		return authorization.decide(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(unit)).allowed();
	}

}
