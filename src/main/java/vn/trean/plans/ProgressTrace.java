package vn.trean.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.registers.RegisterCounts;
import vn.trean.shared.Time;
import vn.trean.shared.VietnameseText;

/**
 * Where a number of the progress page comes from: the approved reports and figures that
 * made it, or, for a register indicator, the register records of its numerator and its
 * denominator. A read model beside {@link PlanProgress}, computed the same way, so the
 * number traced and the number shown cannot disagree.
 */
@Service
@Transactional(readOnly = true)
class ProgressTrace {

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

	private final ActionPlans actionPlans;

	private final PlanProgress progress;

	private final PlanReportRepository reports;

	private final Authorization authorization;

	private final Geography geography;

	private final RegisterCounts registerCounts;

	private final Clock clock;

	ProgressTrace(ActionPlans actionPlans, PlanProgress progress, PlanReportRepository reports,
			Authorization authorization, Geography geography, RegisterCounts registerCounts, Clock clock) {
		this.actionPlans = actionPlans;
		this.progress = progress;
		this.reports = reports;
		this.authorization = authorization;
		this.geography = geography;
		this.registerCounts = registerCounts;
		this.clock = clock;
	}

	Trace trace(CurrentUser me, PlanId planId, String code, String periodText, String unitText) {
		Plan plan = actionPlans.viewable(me, planId);
		Indicator indicator = actionPlans.indicator(plan, code);
		ReportingPeriod period = ReportingPeriod.chosen(plan, periodText, LocalDate.now(clock.withZone(Time.ZONE)));
		if (indicator.source() == Indicator.Source.REGISTER) {
			RegisterMeasure measure = RegisterMeasure.of(indicator)
				.orElseThrow(() -> new UnknownPlan("register value of indicator " + code + " for " + period.code()));
			return registerTrace(me, plan, indicator, measure, period, actionPlans.unitOfProvince(plan, unitText));
		}
		UnitId unit = actionPlans.unitOfProvince(plan, unitText);
		List<Progress.Figure> figures = reports.approvedFigures(plan.id(), indicator.id(), period,
				geography.unitsCountedFor(unit));
		Function<UnitId, String> names = names();
		List<TraceRow> rows = figures.stream()
			.map(f -> new TraceRow(f, names.apply(f.unit())))
			.sorted(VietnameseText.byName(TraceRow::unitName))
			.toList();
		return new Trace(plan, indicator, period, geography.get(unit),
				Progress.of(indicator, figures, progress.targets(indicator, period.year()).get(unit)), rows, List.of(),
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
		Function<UnitId, String> names = names();
		Function<RegisterCounts.Count, List<RecordRow>> rows = count -> registerCounts
			.trace(unit, period.start(), period.end(), count)
			.stream()
			.map(r -> new RecordRow(r, names.apply(r.unit())))
			.toList();
		List<RecordRow> numerator = rows.apply(measure.numerator());
		List<RecordRow> denominator = measure.denominator() == null ? List.of() : rows.apply(measure.denominator());
		Progress.Cell cell = Progress.counted(indicator, numerator.size(), denominator.size(),
				progress.targets(indicator, period.year()).get(unit));
		return new Trace(plan, indicator, period, geography.get(unit), cell, List.of(), numerator, denominator);
	}

	/** Units' full names, each looked up once. */
	private Function<UnitId, String> names() {
		Map<UnitId, String> names = new HashMap<>();
		return unit -> names.computeIfAbsent(unit, u -> geography.get(u).fullName());
	}

}
