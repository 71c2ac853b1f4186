package vn.trean.plans;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The workflow of periodic plan reports: a unit's plan reporter starts, saves and submits
 * the report of a period; the province's plan administrator returns it with a comment or
 * approves it; an approved report is corrected only as a new version. Every step is one
 * transaction with its audit entry, refused with nothing saved when the form was read
 * before someone else saved the report.
 */
@Service
@Transactional
class PlanReports {

	/** The unit and period of a report to start, as chosen. */
	record Start(@PlainText(max = 20) String unit, @PlainText(max = 20) String period) {
	}

	/**
	 * A report's form as typed: the version it was read at, whether it is submitted, and
	 * every figure by its field name ({@code indicator-<id>-numerator}, …).
	 */
	record Figures(Map<String, String> typed) {

		boolean submit() {
			return "submit".equals(typed.get("step"));
		}

	}

	/**
	 * The province's decision on a report: the version it read, and why it returns it.
	 */
	record Decision(@PlainText(max = 20) String version, @PlainText(max = 1000, markup = true) String comment) {
	}

	/** Days after a period's end the plan's reports are due, as typed. */
	record Schedule(@PlainText(max = 20) String sixMonthly, @PlainText(max = 20) String yearly) {
	}

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReportRepository reports;

	private final ReportingScheduleRepository schedules;

	private final Authorization authorization;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanReports(ActionPlans actionPlans, PlanRepository plans, PlanReportRepository reports,
			ReportingScheduleRepository schedules, Authorization authorization, Geography geography,
			ApplicationEventPublisher events, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.schedules = schedules;
		this.authorization = authorization;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	// ---- the reporter ----

	/** Starts the report of a unit for a period; refused when it exists already. */
	ReportId start(Actor actor, PlanId planId, Start command) {
		CurrentUser me = actor.signedIn();
		Plan plan = actionPlans.viewable(me, planId);
		UnitId unit = actionPlans.unitOfProvince(plan, command.unit());
		authorization.require(me, Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(unit));
		ReportingPeriod period = PlanReportPolicy.period(plan, command.period()).orThrow(InvalidPlanInput::new);
		if (reports.current(plan.id(), unit, period).isPresent()) {
			throw refused("period", "plan-reports.duplicate");
		}
		int days = schedules.of(plan.id()).get(period.kind());
		PlanReport report = PlanReport.draft(plan.id(), unit, period, PlanReportPolicy.dueOn(period, days));
		long id;
		try {
			id = reports.insert(report, actor.name(), clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw refused("period", "plan-reports.duplicate");
		}
		audit(actor, "PLAN_REPORT_STARTED", id, report, "");
		return new ReportId(id);
	}

	/** Saves the figures as typed, and submits them when the form says so. */
	void save(Actor actor, PlanId planId, ReportId reportId, Figures figures) {
		PlanReport report = find(planId, reportId);
		authorization.require(actor.signedIn(), Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		List<Indicator> reported = plans.indicators(planId.value())
			.stream()
			.filter(i -> i.source() == Indicator.Source.REPORTED)
			.toList();
		FormErrors errors = new FormErrors();
		List<ReportValue> values = PlanReportPolicy.values(reported, figures.typed(), actor.locale(), errors);
		// the state first: a second submission is named as such, not as a stale form
		PlanReport changed = figures.submit() ? report.submit(values, actor.name(), clock.instant())
				: report.saveDraft(values);
		requireVersion(report, figures.typed().get("version"));
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		update(changed, true);
		long flagged = values.stream().filter(ReportValue::flagged).count();
		audit(actor, figures.submit() ? "PLAN_REPORT_SUBMITTED" : "PLAN_REPORT_SAVED", reportId.value(), report,
				" values=" + values.size() + " flagged=" + flagged);
	}

	/** Opens the next version of an approved report; the approved one stays as it was. */
	ReportId correct(Actor actor, PlanId planId, ReportId reportId, Decision decision) {
		PlanReport report = find(planId, reportId);
		authorization.require(actor.signedIn(), Action.SUBMIT_PLAN_REPORTS, ResourceScope.at(report.unit()));
		PlanReport correction = report.correction();
		requireVersion(report, decision.version());
		if (!reports.current(planId.value(), report.unit(), report.period())
			.map(r -> r.id() == reportId.value())
			.orElse(false)) {
			throw refused("state", "plan-reports.correct.not-latest");
		}
		reports.supersede(reportId.value());
		long id = reports.insert(correction, actor.name(), clock.instant());
		audit(actor, "PLAN_REPORT_CORRECTION_STARTED", id, correction, " previous=" + reportId);
		return new ReportId(id);
	}

	// ---- the province ----

	void returnReport(Actor actor, PlanId planId, ReportId reportId, Decision decision) {
		actionPlans.administered(actor.signedIn(), planId);
		PlanReport report = find(planId, reportId);
		Verdict<String> text = PlanReportPolicy.returnComment(decision.comment());
		if (report.status() == PlanReport.Status.SUBMITTED && !text.allowed()) {
			throw new InvalidPlanInput(text.errors());
		}
		PlanReport returned = report.returnWith(text.value(), actor.name(), clock.instant());
		requireVersion(report, decision.version());
		update(returned, false);
		audit(actor, "PLAN_REPORT_RETURNED", reportId.value(), report, "");
	}

	void approve(Actor actor, PlanId planId, ReportId reportId, Decision decision) {
		actionPlans.administered(actor.signedIn(), planId);
		PlanReport report = find(planId, reportId);
		PlanReport approved = report.approve(actor.name(), clock.instant());
		requireVersion(report, decision.version());
		update(approved, false);
		audit(actor, "PLAN_REPORT_APPROVED", reportId.value(), report, "");
	}

	/** Sets how many days after a period's end the plan's reports are due. */
	void setSchedule(Actor actor, PlanId planId, Schedule schedule) {
		Plan plan = actionPlans.administered(actor.signedIn(), planId);
		Verdict<Integer> six = PlanReportPolicy.days(schedule.sixMonthly(), "sixMonthly", actor.locale());
		Verdict<Integer> year = PlanReportPolicy.days(schedule.yearly(), "yearly", actor.locale());
		FormErrors errors = new FormErrors();
		for (Verdict<Integer> v : List.of(six, year)) {
			v.errors().asMap().forEach(errors::reject);
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		Map<ReportingPeriod.Kind, Integer> before = schedules.of(plan.id());
		schedules.save(plan.id(), ReportingPeriod.Kind.SIX_MONTHLY, six.value(), actor.name(), clock.instant());
		schedules.save(plan.id(), ReportingPeriod.Kind.YEARLY, year.value(), actor.name(), clock.instant());
		events.publishEvent(new PlanChanged(actor.name(), "PLAN_REPORTING_SCHEDULE_SET", plan.id(),
				"six-monthly " + before.get(ReportingPeriod.Kind.SIX_MONTHLY) + " -> " + six.value() + " days, yearly "
						+ before.get(ReportingPeriod.Kind.YEARLY) + " -> " + year.value() + " days",
				actor.clientAddress(), clock.instant()));
	}

	// ---- rules ----

	private PlanReport find(PlanId planId, ReportId reportId) {
		return reports.find(planId.value(), reportId.value()).orElseThrow(() -> new UnknownPlan("report " + reportId));
	}

	/** Stores a changed report unless someone else saved it since it was read. */
	private void update(PlanReport changed, boolean withValues) {
		if (!reports.update(changed, withValues)) {
			throw refused("version", "plan-reports.changed-meanwhile");
		}
	}

	/**
	 * The version the form was read at must be the report's; a stale form is named on its
	 * {@code version} field (shown above the form), with nothing saved.
	 */
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

	private void audit(Actor actor, String change, long reportId, PlanReport report, String more) {
		events.publishEvent(new PlanReportChanged(actor.name(), change, reportId,
				"plan=" + report.planId() + " unit=" + geography.get(report.unit()).code() + " period="
						+ report.period().code() + " version=" + report.reportVersion() + more,
				actor.clientAddress(), clock.instant()));
	}

}
