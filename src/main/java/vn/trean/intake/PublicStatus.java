package vn.trean.intake;

import java.time.Instant;
import java.time.LocalDate;

import vn.trean.shared.Time;

/**
 * What anyone holding a report's reference code may learn of it: where it stands and the
 * day it came in, nothing of its content.
 */
public record PublicStatus(ReportStatus status, Instant receivedAt) {

	/** The day the report came in, in Viet Nam. */
	public LocalDate receivedOn() {
		return LocalDate.ofInstant(receivedAt, Time.ZONE);
	}

}
