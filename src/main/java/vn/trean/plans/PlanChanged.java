package vn.trean.plans;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * Something of a plan was recorded or changed (a target, an activity, a reference
 * denominator, the seeded plan itself); the audit log records it in the same transaction.
 */
public record PlanChanged(String actor, String change, long planId, String detail, String clientAddress,
		Instant occurredAt) implements AuditableEvent {

	public String action() {
		return change;
	}

	public String targetType() {
		return "PLAN";
	}

	public String targetId() {
		return Long.toString(planId);
	}

	public String outcome() {
		return "SUCCESS";
	}

}
