package vn.trean.statistics;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/** An administrator imported codes of the DHIS2 mapping; the audit log records it. */
public record Dhis2MappingImported(String actor, int codes, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	public String action() {
		return "STATISTICS_MAPPING_IMPORTED";
	}

	public String targetType() {
		return "STATISTICS_MAPPING";
	}

	public String targetId() {
		return null;
	}

	public String outcome() {
		return "SUCCESS";
	}

	public String detail() {
		return "codes=" + codes;
	}

}
