package vn.trean.plans;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import vn.trean.shared.JobState;
import vn.trean.shared.JobStatus;

import vn.trean.printing.ExportFormat;

/**
 * A request to export a plan's progress report, and how far its worker has come. The file
 * itself stays in the database until it is downloaded or a day has passed.
 *
 * @param language the language the file is written in, the requester's ({@code vi} or
 * {@code en})
 * @param attempts how many times a worker has claimed the job; the number of the current
 * attempt while it runs
 * @param failure the message key of why a failed job failed, or {@code null}
 */
record PlanExport(UUID id, long planId, String requestedBy, Format format, String period, String language,
		JobState state, int progress, int attempts, String fileName, String failure, Instant createdAt,
		Instant finishedAt) implements JobStatus {

	PlanExport {
		if (!ExportFormat.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("no export in language " + language);
		}
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

	/** What the report is written as. */
	enum Format {

		XLSX(ExportFormat.XLSX), PDF(ExportFormat.PDF);

		final ExportFormat file;

		Format(ExportFormat file) {
			this.file = file;
		}

		/** The format named in a request ({@code xlsx}, {@code pdf}), or empty. */
		static Optional<Format> parse(String text) {
			return ExportFormat.named(Format.class, text);
		}

	}

	public String formatName() {
		return format.name();
	}

}
