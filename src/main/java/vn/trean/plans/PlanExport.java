package vn.trean.plans;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to export a plan's progress report, and how far its worker has come. The file
 * itself stays in the database until it is downloaded or a day has passed.
 */
record PlanExport(UUID id, long planId, String requestedBy, Format format, String period, State state, int progress,
		String fileName, Instant createdAt, Instant finishedAt) {

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

	enum State {

		QUEUED, RUNNING, DONE, FAILED

	}

	public boolean finished() {
		return state == State.DONE || state == State.FAILED;
	}

	public boolean done() {
		return state == State.DONE;
	}

	public String stateName() {
		return state.name();
	}

	public String formatName() {
		return format.name();
	}

}
