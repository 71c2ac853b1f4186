package vn.trean.intake;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One request for more information on a report: the officer's question and, once the
 * receiving point has answered, the answer, which is added to the report (never written
 * over it).
 */
record InformationRequest(UUID id, ReportId reportId, long askedBy, String askedByName, Instant askedAt,
		String question, @Nullable Long answeredBy, @Nullable String answeredByName, @Nullable Instant answeredAt,
		@Nullable String answer) {

	boolean open() {
		return answeredAt == null;
	}

}
