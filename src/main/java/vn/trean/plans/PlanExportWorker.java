package vn.trean.plans;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the export jobs {@link PlanExports} queued, one claimed attempt at a time: it
 * reads the progress in its own read-only transactions, writes its percentage and
 * heartbeat after each indicator, and finally its file. Every write names the attempt, so
 * a worker whose job was taken from it (queued again after its heartbeat went stale, or
 * failed) stops at its next write and stores nothing.
 */
@Component
class PlanExportWorker {

	/** Why a job failed whose worker met an error. */
	static final String BROKEN = "plan-exports.failure.error";

	private static final Logger log = LoggerFactory.getLogger(PlanExportWorker.class);

	private final PlanRepository plans;

	private final PlanProgress progress;

	private final ProgressDocuments documents;

	private final PlanExportRepository jobs;

	private final Clock clock;

	PlanExportWorker(PlanRepository plans, PlanProgress progress, ProgressDocuments documents,
			PlanExportRepository jobs, Clock clock) {
		this.plans = plans;
		this.progress = progress;
		this.documents = documents;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** The job was queued again or failed while this worker ran it: it writes nothing. */
	private static final class TakenOver extends RuntimeException {

		TakenOver(PlanExport job) {
			super("Plan export " + job.id() + " is no longer attempt " + job.attempts() + "'s");
		}

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
			ProgressDocuments.Report report = report(job, plan, period);
			byte[] content = job.format() == PlanExport.Format.XLSX ? documents.workbook(report)
					: documents.pdf(report);
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

	/** The progress of the job's plan and period, beating after each indicator. */
	private ProgressDocuments.Report report(PlanExport job, Plan plan, ReportingPeriod period) {
		PlanProgress.ProgressPage page = progress.progress(plan, period, null);
		List<Indicator> indicators = page.indicators().stream().map(PlanProgress.IndicatorProgress::indicator).toList();
		beat(job, 10);
		List<List<PlanProgress.UnitProgress>> communes = new ArrayList<>();
		for (Indicator indicator : indicators) {
			communes
				.add(job.format() == PlanExport.Format.XLSX ? progress.communes(plan, period, indicator) : List.of());
			beat(job, 10 + 80 * communes.size() / Math.max(1, indicators.size()));
		}
		return new ProgressDocuments.Report(plan, period, page.indicators(), indicators, communes, job.locale());
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
		return bare + "." + format.file.extension();
	}

}
