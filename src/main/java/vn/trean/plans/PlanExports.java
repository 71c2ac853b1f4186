package vn.trean.plans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.printing.ExportFormat;
import vn.trean.shared.FormErrors;
import vn.trean.shared.JobTable;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * Exports of a plan's progress report as XLSX or PDF, written in the language the
 * requester reads the pages in. A request is checked (the user may view the plan; the
 * format and period are valid), recorded as a job with its language and audit entry in
 * one transaction, and started after the commit on Spring's task executor; polls and the
 * download read the job's row, so any instance answers them, and only the user who asked
 * sees the job.
 * <p>
 * The job is a row of {@code plan_export}, not a message in memory, because it is the
 * durable record of what a user asked for: it survives the instance that took it, a poll
 * on another instance reads its progress, and the finished file is kept in it for a day.
 * Several instances work the same table, so each step is claimed:
 * <ul>
 * <li>a <b>claim</b> (one {@code UPDATE … WHERE state = 'QUEUED'}, {@code SKIP LOCKED}
 * for the next one) makes one worker the job's only producer and counts the attempt;</li>
 * <li>every later write of the worker names that <b>attempt</b>, so a worker whose job
 * was taken from it (queued again or failed) writes nothing, neither progress nor file
 * ({@link PlanExportWorker});</li>
 * <li>the <b>heartbeat</b> written with each step of progress tells a live worker from
 * one whose instance stopped: {@link #recover} queues a job whose heartbeat is older than
 * {@link PlansSettings#exportHeartbeatTimeout()} again for any instance, and fails it
 * with {@link #INTERRUPTED} after {@link PlansSettings#exportMaxAttempts()} attempts, so
 * no job stays running for ever and none runs twice at once.</li>
 * </ul>
 * {@link #recover} and {@link #cleanup} are scheduled on every instance; ShedLock
 * ({@code @SchedulerLock}) lets one at a time in the cluster do the work.
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

	private static final Logger log = LoggerFactory.getLogger(PlanExports.class);

	/** An export as requested: the format and the period, as chosen. */
	record Request(@PlainText(max = 20) String format, @PlainText(max = 20) String period) {
	}

	private final ActionPlans actionPlans;

	private final PlanExportWorker worker;

	private final PlanExportRepository jobs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Executor executor;

	private final PlansSettings settings;

	PlanExports(ActionPlans actionPlans, PlanExportWorker worker, PlanExportRepository jobs,
			ApplicationEventPublisher events, Clock clock, @Qualifier("applicationTaskExecutor") Executor executor,
			PlansSettings settings) {
		this.actionPlans = actionPlans;
		this.worker = worker;
		this.jobs = jobs;
		this.events = events;
		this.clock = clock;
		this.executor = executor;
		this.settings = settings;
	}

	// ---- requests ----

	/**
	 * Records an export job in the requester's language (English when the pages are, else
	 * Vietnamese) and starts it once the transaction commits; a bad format or period is
	 * refused with nothing recorded.
	 */
	@Transactional
	public PlanExport request(Actor actor, PlanId planId, Request request) {
		Plan plan = actionPlans.viewable(actor.signedIn(), planId);
		FormErrors errors = new FormErrors();
		Optional<PlanExport.Format> format = PlanExport.Format.parse(request.format());
		if (format.isEmpty()) {
			errors.reject("format", "plan-exports.format.invalid");
		}
		Verdict<ReportingPeriod> period = PlanReportPolicy.period(plan, request.period());
		if (!period.allowed()) {
			errors.reject("period", period.reason());
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		PlanExport job = new PlanExport(UUID.randomUUID(), plan.id(), actor.name(), format.get(), period.value().code(),
				ExportFormat.languageFor(actor.locale()), vn.trean.shared.JobState.QUEUED, 0, 0, null, null,
				clock.instant(), null);
		jobs.insert(job);
		events.publishEvent(new PlanChanged(
				actor.name(), "PLAN_PROGRESS_EXPORT_REQUESTED", plan.id(), "export=" + job.id() + " format="
						+ job.format() + " period=" + job.period() + " language=" + job.language(),
				actor.clientAddress(), clock.instant()));
		afterCommit(() -> jobs.claim(job.id(), clock.instant()).ifPresent(worker::run));
		return job;
	}

	/** The user's own job; anyone else's, or none, is unknown (404). */
	@Transactional(readOnly = true)
	public PlanExport status(CurrentUser me, PlanId planId, UUID id) {
		Plan plan = actionPlans.viewable(me, planId);
		return jobs.find(plan.id(), id, me.username()).orElseThrow(() -> new UnknownPlan("export " + id));
	}

	/** A finished file. */
	record File(String name, String contentType, byte[] content) {
	}

	/** The user's own finished file, audited; anything else is unknown (404). */
	@Transactional
	public File download(Actor actor, PlanId planId, UUID id) {
		PlanExport job = status(actor.signedIn(), planId, id);
		byte[] content = jobs.content(job.planId(), id, actor.name())
			.orElseThrow(() -> new UnknownPlan("finished export " + id));
		events.publishEvent(new PlanChanged(actor.name(), "PLAN_PROGRESS_EXPORT_DOWNLOADED", job.planId(),
				"export=" + id + " format=" + job.format() + " period=" + job.period(), actor.clientAddress(),
				clock.instant()));
		return new File(job.fileName(), job.format().file.contentType(), content);
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
		JobTable.Recovery recovery = jobs.recoverStale(now.minus(settings.exportHeartbeatTimeout()),
				settings.exportMaxAttempts(), INTERRUPTED, now);
		if (recovery.requeued() + recovery.failed() > 0) {
			log.warn("Plan exports whose worker stopped: {} queued again, {} failed after {} attempts",
					recovery.requeued(), recovery.failed(), settings.exportMaxAttempts());
		}
		afterCommit(worker::runQueued);
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

}
