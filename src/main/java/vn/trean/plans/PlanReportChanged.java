package vn.trean.plans;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A plan report was started, saved, submitted, returned, approved, or corrected; the
 * audit log records it in the same transaction.
 */
public record PlanReportChanged(String actor, String change, long reportId, String detail, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	public String action() {
		return change;
	}

	public String targetType() {
		return "PLAN_REPORT";
	}

	public String targetId() {
		return Long.toString(reportId);
	}

	public String outcome() {
		return "SUCCESS";
	}

}
