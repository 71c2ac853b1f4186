package vn.trean.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.trean.shared.Time;

/**
 * Runs the statistics export jobs, one claimed attempt at a time: computes the table for
 * the audience stored on the job, writes it in the job's format and language, and stores
 * the file. Every write names the attempt, so a worker whose job was taken from it (its
 * heartbeat went stale) stores nothing.
 */
@Component
class StatisticsExportWorker {

	static final String BROKEN = "statistics-exports.failure.error";

	private static final Logger log = LoggerFactory.getLogger(StatisticsExportWorker.class);

	private final StatisticsTables tables;

	private final StatisticsUnits units;

	private final StatisticsExportRepository jobs;

	private final Dhis2MappingRepository mapping;

	private final TablePdf pdf;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	StatisticsExportWorker(StatisticsTables tables, StatisticsUnits units, StatisticsExportRepository jobs,
			Dhis2MappingRepository mapping, TablePdf pdf, MessageSource messages, JsonMapper json, Clock clock) {
		this.tables = tables;
		this.units = units;
		this.jobs = jobs;
		this.mapping = mapping;
		this.pdf = pdf;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	void runQueued() {
		for (Optional<StatisticsExport> job = jobs.claimNext(clock.instant()); job
			.isPresent(); job = jobs.claimNext(clock.instant())) {
			run(job.get());
		}
	}

	void run(StatisticsExport job) {
		try {
			StatisticsPeriod period = StatisticsPeriod.parse(job.period(), LocalDate.now(clock.withZone(Time.ZONE)));
			StatisticsUnit unit = units.resolve(job.unitCode(), period);
			beat(job, 10);
			StatisticsTable table = tables.table(job.table(), period, unit, job.audience());
			beat(job, 70);
			byte[] content = write(job, table);
			if (!jobs.done(job.id(), job.attempts(), fileName(job), content, clock.instant())) {
				log.info("Statistics export {} is no longer attempt {}'s; its file is dropped", job.id(),
						job.attempts());
			}
		}
		catch (TakenOver ex) {
			log.info("Statistics export {} was taken from attempt {}", job.id(), job.attempts());
		}
		catch (RuntimeException ex) {
			log.error("Statistics export {} failed", job.id(), ex);
			jobs.failed(job.id(), job.attempts(), BROKEN, clock.instant());
		}
	}

	private byte[] write(StatisticsExport job, StatisticsTable table) {
		TableText text = new TableText(messages, job.locale());
		return switch (job.format()) {
			case XLSX -> TableWorkbook.write(table, text);
			case PDF -> pdf.write(table, text);
			case CSV -> TableCsv.write(table, text);
			case DHIS2 -> Dhis2DataValues.write(table, mapping.mapping(), json);
		};
	}

	private void beat(StatisticsExport job, int percent) {
		if (!jobs.progress(job.id(), job.attempts(), percent, clock.instant())) {
			throw new TakenOver();
		}
	}

	/** {@code thong-ke-0101-31117-2025-H1.xlsx}: ASCII letters, digits, dash and dot. */
	static String fileName(StatisticsExport job) {
		String bare = ("thong-ke-" + job.table().code() + "-" + job.unitCode() + "-" + job.period())
			.replaceAll("[^A-Za-z0-9]+", "-");
		return bare + "." + job.format().file.extension();
	}

	/** The job was queued again or failed while this worker ran it. */
	private static final class TakenOver extends RuntimeException {

	}

}
