package vn.trean.plans;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.CurrentUser;
import vn.trean.printing.FormPrinter;
import vn.trean.printing.OfficialDocument;
import vn.trean.printing.OfficialWording;
import vn.trean.shared.FormErrors;
import vn.trean.shared.WebShell;

/**
 * Exports of a plan's progress report as XLSX or PDF, in Vietnamese whatever language the
 * user reads the pages in. A request is checked (the user may view the plan; the format
 * and period are valid), recorded as a job with its audit entry in one transaction, and
 * run after the commit on Spring's task executor: the job reads the progress in its own
 * read-only transactions, writes its percentage after each indicator and finally its file
 * to the database. Polls and the download read the job's row, so any instance answers
 * them; only the user who asked sees the job.
 */
@Service
class PlanExports {

	/** How long a job and its file are kept. */
	static final Duration KEPT = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(PlanExports.class);

	private final ActionPlans actionPlans;

	private final PlanReports reports;

	private final PlanExportRepository jobs;

	private final Geography geography;

	private final FormPrinter printer;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Executor executor;

	PlanExports(ActionPlans actionPlans, PlanReports reports, PlanExportRepository jobs, Geography geography,
			FormPrinter printer, MessageSource messages, ApplicationEventPublisher events, Clock clock,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.actionPlans = actionPlans;
		this.reports = reports;
		this.jobs = jobs;
		this.geography = geography;
		this.printer = printer;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.executor = executor;
	}

	// ---- requests ----

	/**
	 * Records an export job and starts it once the transaction commits; a bad format or
	 * period is refused with nothing recorded.
	 */
	@Transactional
	public PlanExport request(CurrentUser me, long planId, String formatText, String periodText, String clientAddress) {
		Plan plan = actionPlans.viewable(me, planId);
		FormErrors errors = new FormErrors();
		Optional<PlanExport.Format> format = PlanExport.Format.parse(formatText);
		if (format.isEmpty()) {
			errors.reject("format", "plan-exports.format.invalid");
		}
		PlanReportPolicy.Verdict<ReportingPeriod> period = PlanReportPolicy.period(plan, periodText);
		if (!period.allowed()) {
			errors.reject("period", period.reason());
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		PlanExport job = new PlanExport(UUID.randomUUID(), planId, me.username(), format.get(), period.value().code(),
				PlanExport.State.QUEUED, 0, null, clock.instant(), null);
		jobs.insert(job);
		events.publishEvent(new PlanChanged(me.username(), "PLAN_PROGRESS_EXPORT_REQUESTED", planId,
				"export=" + job.id() + " format=" + job.format() + " period=" + job.period(), clientAddress,
				clock.instant()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				executor.execute(() -> run(job, plan, period.value()));
			}
		});
		return job;
	}

	/** The user's own job; anyone else's, or none, is unknown (404). */
	@Transactional(readOnly = true)
	public PlanExport status(CurrentUser me, long planId, UUID id) {
		actionPlans.viewable(me, planId);
		return jobs.find(planId, id, me.username()).orElseThrow(() -> new UnknownPlan("export " + id));
	}

	/** A finished file. */
	record File(String name, String contentType, byte[] content) {
	}

	/** The user's own finished file, audited; anything else is unknown (404). */
	@Transactional
	public File download(CurrentUser me, long planId, UUID id, String clientAddress) {
		PlanExport job = status(me, planId, id);
		byte[] content = jobs.content(planId, id, me.username())
			.orElseThrow(() -> new UnknownPlan("finished export " + id));
		events.publishEvent(new PlanChanged(me.username(), "PLAN_PROGRESS_EXPORT_DOWNLOADED", planId,
				"export=" + id + " format=" + job.format() + " period=" + job.period(), clientAddress,
				clock.instant()));
		return new File(job.fileName(), job.format().contentType(), content);
	}

	/**
	 * Deletes jobs and files older than {@link #KEPT}; every instance runs it, one at a
	 * time (advisory lock), and a late one finds nothing left.
	 */
	@Scheduled(fixedDelayString = "${trean.plans.export-cleanup-interval:1h}", initialDelayString = "5m")
	@Transactional
	public void cleanup() {
		int deleted = jobs.deleteOlderThan(clock.instant().minus(KEPT));
		if (deleted > 0) {
			log.info("Deleted {} plan exports older than {}", deleted, KEPT);
		}
	}

	// ---- the worker ----

	/** The report of one plan and period, as the job builds it. */
	private record Report(Plan plan, ReportingPeriod period, List<PlanReports.IndicatorProgress> city,
			List<Indicator> indicators, List<List<PlanReports.UnitProgress>> communes) {
	}

	void run(PlanExport job, Plan plan, ReportingPeriod period) {
		try {
			jobs.progress(job.id(), PlanExport.State.RUNNING, 5);
			PlanReports.ProgressPage page = reports.progress(plan, period, null);
			List<Indicator> indicators = page.indicators()
				.stream()
				.map(PlanReports.IndicatorProgress::indicator)
				.toList();
			List<List<PlanReports.UnitProgress>> communes = new ArrayList<>();
			int done = 0;
			for (Indicator indicator : indicators) {
				communes.add(
						job.format() == PlanExport.Format.XLSX ? reports.communes(plan, period, indicator) : List.of());
				done++;
				jobs.progress(job.id(), PlanExport.State.RUNNING, 10 + 80 * done / Math.max(1, indicators.size()));
			}
			Report report = new Report(plan, period, page.indicators(), indicators, communes);
			byte[] content = job.format() == PlanExport.Format.XLSX ? workbook(report) : pdf(report);
			jobs.done(job.id(), fileName(plan, period, job.format()), content, clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Plan export {} failed", job.id(), ex);
			jobs.failed(job.id(), clock.instant());
		}
	}

	private byte[] workbook(Report report) {
		Workbook workbook = new Workbook();
		Workbook.Sheet city = workbook.sheet(text("plan-exports.sheet.city"),
				List.of(text("plan-exports.column.code"), text("plan-exports.column.name"),
						text("plan-exports.column.measure"), text("plan-exports.column.target"),
						text("plan-exports.column.numerator"), text("plan-exports.column.denominator"),
						text("plan-exports.column.value"), text("plan-exports.column.status")));
		for (PlanReports.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			city.row(Arrays.asList(i.code(), i.name(), text("plan-exports.measure." + i.measure()),
					c == null ? null : c.target(), counts ? c.numerator() : null,
					counts && i.coverage() ? c.denominator() : null, counts ? c.value() : null, status(row)));
		}
		List<String> header = new ArrayList<>(
				List.of(text("plan-exports.column.unit-code"), text("plan-exports.column.unit")));
		report.indicators().forEach(i -> header.add(i.code()));
		Workbook.Sheet communes = workbook.sheet(text("plan-exports.sheet.communes", label(report.period())), header);
		List<AdministrativeUnit> units = geography.currentUnitsWithin(report.plan().province())
			.stream()
			.skip(1)
			.toList();
		for (int u = 0; u < units.size(); u++) {
			List<Object> cells = new ArrayList<>(List.of(units.get(u).code(), units.get(u).fullName()));
			for (List<PlanReports.UnitProgress> column : report.communes()) {
				BigDecimal value = u < column.size() ? column.get(u).cell().value() : null;
				cells.add(value);
			}
			communes.row(cells);
		}
		return workbook.bytes();
	}

	private byte[] pdf(Report report) {
		Plan plan = report.plan();
		AdministrativeUnit province = geography.get(plan.province());
		LocalDate today = LocalDate.now(clock.withZone(vn.trean.shared.Time.ZONE));
		List<List<String>> rows = new ArrayList<>();
		for (PlanReports.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			rows.add(List.of(i.code(), i.name(), c == null ? "–" : value(i, c.targetText()),
					counts ? Long.toString(c.numerator()) : "–",
					counts && i.coverage() ? Long.toString(c.denominator()) : "–",
					c == null ? "–" : value(i, c.valueText()), status(row)));
		}
		OfficialDocument document = OfficialDocument
			.builder(OfficialWording.committee(province.fullName()), province.name(), today,
					text("plan-exports.pdf.title"))
			.subtitle(text("plan-exports.pdf.subtitle", plan.number(), label(report.period())))
			.field(text("plan-exports.pdf.plan"), plan.title())
			.field(text("plan-exports.pdf.period"), label(report.period()))
			.table(List.of(text("plan-exports.column.code"), text("plan-exports.column.name"),
					text("plan-exports.column.target"), text("plan-exports.column.numerator"),
					text("plan-exports.column.denominator"), text("plan-exports.column.value"),
					text("plan-exports.column.status")), rows, List.of(7, 30, 11, 10, 10, 11, 16))
			.text(text("plan-exports.pdf.note"))
			.build();
		return printer.print(document);
	}

	private String status(PlanReports.IndicatorProgress row) {
		return row.city() == null ? text(row.note()) : text("plan-reports.progress.level." + row.city().levelName());
	}

	private String value(Indicator indicator, String number) {
		return number == null ? "–" : text("plan-reports.value." + indicator.measure(), number);
	}

	private String label(ReportingPeriod period) {
		return text(period.labelKey(), period.yearText());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, WebShell.VIETNAMESE);
	}

	/**
	 * {@code tien-do-55-KH-UBND-2025.xlsx}: ASCII letters, digits, dash and dot only.
	 */
	static String fileName(Plan plan, ReportingPeriod period, PlanExport.Format format) {
		String bare = Normalizer.normalize("tien-do-" + plan.number() + "-" + period.code(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('Đ', 'D')
			.replace('đ', 'd')
			.replaceAll("[^A-Za-z0-9.]+", "-")
			.replaceAll("^-+|-+$", "");
		return bare + "." + format.extension();
	}

}
