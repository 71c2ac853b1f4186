package vn.trean.statistics;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * An export of a statistics table was requested or downloaded; the audit log records it
 * in the same transaction.
 */
public record StatisticsExported(String actor, String change, String exportId, String detail, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	public String action() {
		return change;
	}

	public String targetType() {
		return "STATISTICS_EXPORT";
	}

	public String targetId() {
		return exportId;
	}

	public String outcome() {
		return "SUCCESS";
	}

}
