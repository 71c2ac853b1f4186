package vn.trean.directory;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/** The directory's events, recorded by the audit log. */
public final class AgencyEvents {

	private AgencyEvents() {
	}

	/** An agency was registered or its details changed. */
	public record AgencyRecorded(String actor, String change, long agencyId, String detail, String clientAddress,
			Instant occurredAt) implements AuditableEvent {

		public String action() {
			return change;
		}

		public String targetType() {
			return "AGENCY";
		}

		public String targetId() {
			return Long.toString(agencyId);
		}

		public String outcome() {
			return "SUCCESS";
		}

	}

}
