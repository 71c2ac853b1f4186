package vn.trean.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.trean.shared.InvalidInput;
import vn.trean.shared.JobTable;
import vn.trean.shared.PlainText;
import vn.trean.shared.Time;

/**
 * Exports of a statistics table as XLSX, PDF, CSV or the DHIS2 exchange file, run as
 * database-backed jobs like the plans' exports (claimed attempts, heartbeats, recovery, a
 * day's keeping; {@link JobTable}). A request is checked whole (table, period, unit,
 * format; the DHIS2 file takes no custom range), the requester's audience is decided by
 * {@link StatisticsAccess} and stored on the job with the requester's language, the
 * request is audited, and the job starts after the commit; only the requester sees it.
 */
@Service
class StatisticsExports {

	static final Duration KEPT = Duration.ofDays(1);

	static final String INTERRUPTED = "statistics-exports.failure.interrupted";

	static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(5);

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(StatisticsExports.class);

	/** An export as requested. */
	record Request(@PlainText(max = 32) String table, @PlainText(max = 32) String period,
			@PlainText(max = 16) String unit, @PlainText(max = 8) String format) {
	}

	private final StatisticsUnits units;

	private final StatisticsAccess access;

	private final StatisticsExportRepository jobs;

	private final StatisticsExportWorker worker;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Executor executor;

	StatisticsExports(StatisticsUnits units, StatisticsAccess access, StatisticsExportRepository jobs,
			StatisticsExportWorker worker, ApplicationEventPublisher events, Clock clock,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.units = units;
		this.access = access;
		this.jobs = jobs;
		this.worker = worker;
		this.events = events;
		this.clock = clock;
		this.executor = executor;
	}

	/** Records the job, or refuses the request whole with nothing recorded. */
	@Transactional
	public StatisticsExport request(Actor actor, Request request) {
		Checked checked = check(request);
		StatisticsTables.Audience audience = access.audienceOf(actor.signedIn(), checked.unit());
		StatisticsExport job = new StatisticsExport(UUID.randomUUID(), actor.name(), checked.table(),
				checked.period().code(), checked.unit().code(), checked.format(), audience,
				ExportFormat.languageFor(actor.locale()), vn.trean.shared.JobState.QUEUED, 0, 0, null, null,
				clock.instant());
		jobs.insert(job);
		events.publishEvent(
				new StatisticsExported(actor.name(), "STATISTICS_EXPORT_REQUESTED", job.id().toString(),
						"table=" + job.table().code() + " period=" + job.period() + " unit=" + job.unitCode()
								+ " format=" + job.format() + " audience=" + audience,
						actor.clientAddress(), clock.instant()));
		afterCommit(() -> jobs.claim(job.id(), clock.instant()).ifPresent(worker::run));
		return job;
	}

	private record Checked(TableKind table, StatisticsPeriod period, StatisticsUnit unit,
			StatisticsExport.Format format) {
	}

	private Checked check(Request request) {
		FormErrors errors = new FormErrors();
		Optional<TableKind> table = TableKind.ofCode(request.table() == null ? "" : request.table().strip());
		if (table.isEmpty()) {
			errors.reject("table", "statistics-exports.table.invalid");
		}
		Optional<StatisticsExport.Format> format = StatisticsExport.Format.parse(request.format());
		if (format.isEmpty()) {
			errors.reject("format", "statistics-exports.format.invalid");
		}
		StatisticsPeriod period = refusedInto(errors,
				() -> StatisticsPeriod.parse(request.period(), LocalDate.now(clock.withZone(Time.ZONE))));
		StatisticsUnit unit = period == null ? null : refusedInto(errors, () -> units.resolve(request.unit(), period));
		if (period != null && format.orElse(null) == StatisticsExport.Format.DHIS2) {
			refusedInto(errors, () -> Dhis2DataValues.period(period));
		}
		if (errors.hasErrors()) {
			throw new InvalidStatisticsExport(errors);
		}
		return new Checked(table.get(), period, unit, format.get());
	}

	/** The value, or null with the refusal's errors added to {@code errors}. */
	private static <T> T refusedInto(FormErrors errors, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidInput ex) {
			ex.errors().asMap().forEach(errors::reject);
			return null;
		}
	}

	@Transactional(readOnly = true)
	public StatisticsExport status(CurrentUser me, UUID id) {
		return jobs.find(id, me.username()).orElseThrow(() -> new UnknownStatisticsExport("statistics export " + id));
	}

	/** A finished file. */
	record File(String name, String contentType, byte[] content) {
	}

	/** The user's own finished file, audited; anything else is unknown (404). */
	@Transactional
	public File download(Actor actor, UUID id) {
		StatisticsExport job = status(actor.signedIn(), id);
		byte[] content = jobs.content(id, actor.name())
			.orElseThrow(() -> new UnknownStatisticsExport("finished statistics export " + id));
		events.publishEvent(new StatisticsExported(actor.name(), "STATISTICS_EXPORT_DOWNLOADED", id.toString(),
				"table=" + job.table().code() + " format=" + job.format(), actor.clientAddress(), clock.instant()));
		return new File(job.fileName(), job.format().file.contentType(), content);
	}

	/** Takes jobs from workers that stopped, as the plans' exports do. */
	@Scheduled(fixedDelayString = "${trean.statistics.export-recovery-interval:1m}",
			initialDelayString = "${trean.statistics.export-recovery-interval:1m}")
	@SchedulerLock(name = "stat_export_recovery")
	@Transactional
	public void recover() {
		Instant now = clock.instant();
		JobTable.Recovery recovery = jobs.recoverStale(now.minus(HEARTBEAT_TIMEOUT), MAX_ATTEMPTS, INTERRUPTED, now);
		if (recovery.requeued() + recovery.failed() > 0) {
			log.warn("Statistics exports whose worker stopped: {} queued again, {} failed", recovery.requeued(),
					recovery.failed());
		}
		afterCommit(worker::runQueued);
	}

	/** Deletes jobs and files older than {@link #KEPT}. */
	@Scheduled(fixedDelayString = "${trean.statistics.export-cleanup-interval:1h}", initialDelayString = "5m")
	@SchedulerLock(name = "stat_export_cleanup")
	@Transactional
	public void cleanup() {
		int deleted = jobs.deleteOlderThan(clock.instant().minus(KEPT));
		if (deleted > 0) {
			log.info("Deleted {} statistics exports older than {}", deleted, KEPT);
		}
	}

	private void afterCommit(Runnable task) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				executor.execute(task);
			}
		});
	}

}
