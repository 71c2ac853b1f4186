package vn.trean.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import vn.trean.shared.JobState;

import vn.trean.printing.Workbook;

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
		String fileName, String failure, Instant createdAt) {

	static final List<String> LANGUAGES = List.of("vi", "en");

	static String languageFor(Locale locale) {
		String language = locale == null ? "" : locale.getLanguage();
		return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
	}

	Locale locale() {
		return Locale.forLanguageTag(language);
	}

	/** What the table is written as. */
	enum Format {

		XLSX(Workbook.CONTENT_TYPE, "xlsx"), PDF("application/pdf", "pdf"), CSV("text/csv;charset=UTF-8", "csv"),
		/** The DHIS2 aggregate exchange file (data value set JSON). */
		DHIS2("application/json", "json");

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

		static Optional<Format> parse(String text) {
			String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
			return java.util.Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
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

	public String tableName() {
		return table.name();
	}

}
