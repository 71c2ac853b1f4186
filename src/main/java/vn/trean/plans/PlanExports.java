package vn.trean.plans;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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

/**
 * Exports of a plan's progress report as XLSX or PDF, written in the language the
 * requester reads the pages in. A request is checked (the user may view the plan; the
 * format and period are valid), recorded as a job with its language and audit entry in
 * one transaction, and started after the commit on Spring's task executor: a worker
 * claims the job atomically, reads the progress in its own read-only transactions, writes
 * its percentage and heartbeat after each indicator and finally its file to the database.
 * Polls and the download read the job's row, so any instance answers them; only the user
 * who asked sees the job. A job whose worker stopped with its instance is found by its
 * old heartbeat and queued again for any instance, a few times, then failed.
 */
@Service
class PlanExports {

	/** How long a job and its file are kept. */
	static final Duration KEPT = Duration.ofDays(1);

	/**
	 * Why a job failed whose workers stopped {@link PlansSettings#exportMaxAttempts()}
	 * times.
	 */
	static final String INTERRUPTED = "plan-exports.failure.interrupted";

	/** Why a job failed whose worker met an error. */
	static final String BROKEN = "plan-exports.failure.error";

	private static final Logger log = LoggerFactory.getLogger(PlanExports.class);

	private final ActionPlans actionPlans;

	private final PlanRepository plans;

	private final PlanReports reports;

	private final PlanExportRepository jobs;

	private final Geography geography;

	private final FormPrinter printer;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Executor executor;

	private final PlansSettings settings;

	PlanExports(ActionPlans actionPlans, PlanRepository plans, PlanReports reports, PlanExportRepository jobs,
			Geography geography, FormPrinter printer, MessageSource messages, ApplicationEventPublisher events,
			Clock clock, @Qualifier("applicationTaskExecutor") Executor executor, PlansSettings settings) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.reports = reports;
		this.jobs = jobs;
		this.geography = geography;
		this.printer = printer;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.executor = executor;
		this.settings = settings;
	}

	// ---- requests ----

	/**
	 * Records an export job in the requester's language ({@code locale}: English when the
	 * pages are, else Vietnamese) and starts it once the transaction commits; a bad
	 * format or period is refused with nothing recorded.
	 */
	@Transactional
	public PlanExport request(CurrentUser me, long planId, String formatText, String periodText, Locale locale,
			String clientAddress) {
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
				PlanExport.languageFor(locale), PlanExport.State.QUEUED, 0, 0, null, null, clock.instant(), null);
		jobs.insert(job);
		events.publishEvent(new PlanChanged(
				me.username(), "PLAN_PROGRESS_EXPORT_REQUESTED", planId, "export=" + job.id() + " format="
						+ job.format() + " period=" + job.period() + " language=" + job.language(),
				clientAddress, clock.instant()));
		afterCommit(() -> jobs.claim(job.id(), clock.instant()).ifPresent(this::run));
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

	// ---- housekeeping ----

	/**
	 * Takes jobs from workers that stopped (no heartbeat for
	 * {@link PlansSettings#exportHeartbeatTimeout()}): queued again while they have
	 * attempts left, failed with {@link #INTERRUPTED} after that. Runs on one instance at
	 * a time in the cluster ({@code @SchedulerLock}); the queued jobs are then worked off
	 * by every instance that finds them, claiming them one by one.
	 */
	@Scheduled(fixedDelayString = "${trean.plans.export-recovery-interval:1m}",
			initialDelayString = "${trean.plans.export-recovery-interval:1m}")
	@SchedulerLock(name = "plan_export_recovery")
	@Transactional
	public void recover() {
		Instant now = clock.instant();
		PlanExportRepository.Recovery recovery = jobs.recoverStale(now.minus(settings.exportHeartbeatTimeout()),
				settings.exportMaxAttempts(), INTERRUPTED, now);
		if (recovery.requeued() + recovery.failed() > 0) {
			log.warn("Plan exports whose worker stopped: {} queued again, {} failed after {} attempts",
					recovery.requeued(), recovery.failed(), settings.exportMaxAttempts());
		}
		afterCommit(this::runQueued);
	}

	/**
	 * Deletes jobs and files older than {@link #KEPT}; on one instance at a time in the
	 * cluster ({@code @SchedulerLock}), and a late one finds nothing left.
	 */
	@Scheduled(fixedDelayString = "${trean.plans.export-cleanup-interval:1h}", initialDelayString = "5m")
	@SchedulerLock(name = "plan_export_cleanup")
	@Transactional
	public void cleanup() {
		int deleted = jobs.deleteOlderThan(clock.instant().minus(KEPT));
		if (deleted > 0) {
			log.info("Deleted {} plan exports older than {}", deleted, KEPT);
		}
	}

	/** Runs the task on the executor once the current transaction has committed. */
	private void afterCommit(Runnable task) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				executor.execute(task);
			}
		});
	}

	// ---- the worker ----

	/** The job was queued again or failed while this worker ran it: it writes nothing. */
	private static final class TakenOver extends RuntimeException {

		TakenOver(PlanExport job) {
			super("Plan export " + job.id() + " is no longer attempt " + job.attempts() + "'s");
		}

	}

	/** The report of one plan and period, as the job builds it, and its language. */
	private record Report(Plan plan, ReportingPeriod period, List<PlanReports.IndicatorProgress> city,
			List<Indicator> indicators, List<List<PlanReports.UnitProgress>> communes, Locale locale) {
	}

	/** Claims and runs queued jobs, one after another, until none is left. */
	void runQueued() {
		for (Optional<PlanExport> job = jobs.claimNext(clock.instant()); job
			.isPresent(); job = jobs.claimNext(clock.instant())) {
			run(job.get());
		}
	}

	/** Runs a job this worker has claimed (its current attempt). */
	void run(PlanExport job) {
		try {
			Plan plan = plans.find(job.planId()).orElseThrow(() -> new UnknownPlan("plan " + job.planId()));
			ReportingPeriod period = ReportingPeriod.parse(job.period())
				.orElseThrow(() -> new IllegalStateException("export period " + job.period()));
			PlanReports.ProgressPage page = reports.progress(plan, period, null);
			List<Indicator> indicators = page.indicators()
				.stream()
				.map(PlanReports.IndicatorProgress::indicator)
				.toList();
			beat(job, 10);
			List<List<PlanReports.UnitProgress>> communes = new ArrayList<>();
			int done = 0;
			for (Indicator indicator : indicators) {
				communes.add(
						job.format() == PlanExport.Format.XLSX ? reports.communes(plan, period, indicator) : List.of());
				done++;
				beat(job, 10 + 80 * done / Math.max(1, indicators.size()));
			}
			Report report = new Report(plan, period, page.indicators(), indicators, communes, job.locale());
			byte[] content = job.format() == PlanExport.Format.XLSX ? workbook(report) : pdf(report);
			if (!jobs.done(job.id(), job.attempts(), fileName(plan, period, job.format()), content, clock.instant())) {
				throw new TakenOver(job);
			}
		}
		catch (TakenOver ex) {
			log.info("{}; its file is dropped", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Plan export {} failed", job.id(), ex);
			jobs.failed(job.id(), job.attempts(), BROKEN, clock.instant());
		}
	}

	/**
	 * Records the job's progress and heartbeat, or stops when the job is not this
	 * attempt's.
	 */
	private void beat(PlanExport job, int percent) {
		if (!jobs.progress(job.id(), job.attempts(), percent, clock.instant())) {
			throw new TakenOver(job);
		}
	}

	private byte[] workbook(Report report) {
		Locale l = report.locale();
		Workbook workbook = new Workbook();
		List<String> cityHeader = new ArrayList<>(
				List.of(text(l, "plan-exports.column.code"), text(l, "plan-exports.column.name"),
						text(l, "plan-exports.column.measure"), text(l, "plan-exports.column.target"),
						text(l, "plan-exports.column.numerator"), text(l, "plan-exports.column.denominator"),
						text(l, "plan-exports.column.value"), text(l, "plan-exports.column.status")));
		// the figures by sex, where the indicator is broken down by sex and reports gave
		// them
		for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
			for (String column : List.of("plan-exports.column.numerator", "plan-exports.column.denominator")) {
				cityHeader.add(
						text(l, "plan-reports.sex-figure", text(l, "plan-reports.sex." + sex.name()), text(l, column)));
			}
		}
		Workbook.Sheet city = workbook.sheet(text(l, "plan-exports.sheet.city"), cityHeader);
		for (PlanReports.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			List<Object> cells = new ArrayList<>(Arrays.asList(i.code(), i.name(),
					text(l, "plan-exports.measure." + i.measure()), c == null ? null : c.target(),
					counts ? c.numerator() : null, counts && i.coverage() ? c.denominator() : null,
					counts ? c.value() : null, status(l, row)));
			for (ReportValue.Disaggregation sex : PlanReportPolicy.SEXES) {
				Progress.Cell s = row.sexes().get(sex);
				boolean given = s != null && s.value() != null;
				cells.add(given ? s.numerator() : null);
				cells.add(given && i.coverage() ? s.denominator() : null);
			}
			city.row(cells);
		}
		List<String> header = new ArrayList<>(
				List.of(text(l, "plan-exports.column.unit-code"), text(l, "plan-exports.column.unit")));
		report.indicators().forEach(i -> header.add(i.code()));
		Workbook.Sheet communes = workbook.sheet(text(l, "plan-exports.sheet.communes", label(l, report.period())),
				header);
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

	/**
	 * The report as an official document. The heading the printing module lays out (the
	 * national heading and motto, the committee and the place-and-date line) is the
	 * State's wording and stays Vietnamese; title, labels, table and note follow the
	 * report's language.
	 */
	private byte[] pdf(Report report) {
		Locale l = report.locale();
		Plan plan = report.plan();
		AdministrativeUnit province = geography.get(plan.province());
		LocalDate today = LocalDate.now(clock.withZone(vn.trean.shared.Time.ZONE));
		List<List<String>> rows = new ArrayList<>();
		for (PlanReports.IndicatorProgress row : report.city()) {
			Indicator i = row.indicator();
			Progress.Cell c = row.city();
			boolean counts = c != null && c.value() != null;
			rows.add(List.of(i.code(), i.name(), c == null ? "–" : value(l, i, c.targetText()),
					counts ? Long.toString(c.numerator()) : "–",
					counts && i.coverage() ? Long.toString(c.denominator()) : "–",
					c == null ? "–" : value(l, i, c.valueText()), status(l, row)));
		}
		OfficialDocument document = OfficialDocument
			.builder(OfficialWording.committee(province.fullName()), province.name(), today,
					text(l, "plan-exports.pdf.title"))
			.subtitle(text(l, "plan-exports.pdf.subtitle", plan.number(), label(l, report.period())))
			.field(text(l, "plan-exports.pdf.plan"), plan.title())
			.field(text(l, "plan-exports.pdf.period"), label(l, report.period()))
			.table(List.of(text(l, "plan-exports.column.code"), text(l, "plan-exports.column.name"),
					text(l, "plan-exports.column.target"), text(l, "plan-exports.column.numerator"),
					text(l, "plan-exports.column.denominator"), text(l, "plan-exports.column.value"),
					text(l, "plan-exports.column.status")), rows, List.of(7, 30, 11, 10, 10, 11, 16))
			.text(text(l, "plan-exports.pdf.note"))
			.build();
		return printer.print(document);
	}

	private String status(Locale locale, PlanReports.IndicatorProgress row) {
		return row.city() == null ? text(locale, row.note())
				: text(locale, "plan-reports.progress.level." + row.city().levelName());
	}

	private String value(Locale locale, Indicator indicator, String number) {
		return number == null ? "–" : text(locale, "plan-reports.value." + indicator.measure(), number);
	}

	private String label(Locale locale, ReportingPeriod period) {
		return text(locale, period.labelKey(), period.yearText());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
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
