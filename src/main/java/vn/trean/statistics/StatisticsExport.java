package vn.trean.statistics;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import vn.trean.shared.JobState;
import vn.trean.shared.JobStatus;

import vn.trean.printing.ExportFormat;

/**
 * A request to export a statistics table, and how far its worker has come; the file stays
 * in the database for a day. The audience was decided when the job was requested.
 *
 * @param language the language the file is written in, the requester's ({@code vi} or
 * {@code en})
 * @param attempts how many times a worker has claimed the job
 * @param failure the message key of why a failed job failed, or {@code null}
 */
record StatisticsExport(UUID id, String requestedBy, TableKind table, String period, String unitCode, Format format,
		StatisticsTables.Audience audience, String language, JobState state, int progress, int attempts,
		String fileName, String failure, Instant createdAt) implements JobStatus {

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

	/** What the table is written as. */
	enum Format {

		XLSX(ExportFormat.XLSX), PDF(ExportFormat.PDF), CSV(ExportFormat.CSV),
		/** The DHIS2 aggregate exchange file (data value set JSON). */
		DHIS2(ExportFormat.JSON);

		final ExportFormat file;

		Format(ExportFormat file) {
			this.file = file;
		}

		static Optional<Format> parse(String text) {
			return ExportFormat.named(Format.class, text);
		}

	}

	public String formatName() {
		return format.name();
	}

	public String tableName() {
		return table.name();
	}

}
