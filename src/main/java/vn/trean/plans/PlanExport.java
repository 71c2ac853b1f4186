package vn.trean.plans;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import vn.trean.shared.JobState;

import vn.trean.printing.Workbook;

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
		Instant finishedAt) {

	/** The languages a file can be written in; any other is written in Vietnamese. */
	static final List<String> LANGUAGES = List.of("vi", "en");

	PlanExport {
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("no export in language " + language);
		}
	}

	/** The language of a file for a requester reading the pages in {@code locale}. */
	static String languageFor(Locale locale) {
		String language = locale == null ? "" : locale.getLanguage();
		return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

	/** What the report is written as. */
	enum Format {

		XLSX(Workbook.CONTENT_TYPE, "xlsx"), PDF("application/pdf", "pdf");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		String contentType() {
			return contentType;
		}

		String extension() {
			return extension;
		}

		/** The format named in a request ({@code xlsx}, {@code pdf}), or empty. */
		static Optional<Format> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			for (Format f : values()) {
				if (f.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
					return Optional.of(f);
				}
			}
			return Optional.empty();
		}

	}

	public boolean finished() {
		return state.finished();
	}

	public boolean done() {
		return state == JobState.DONE;
	}

	public String stateName() {
		return state.name();
	}

	public String formatName() {
		return format.name();
	}

}
