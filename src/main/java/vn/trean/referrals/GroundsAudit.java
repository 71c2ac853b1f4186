package vn.trean.referrals;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A sharing ground recorded, withdrawn or ended on a case, for the audit log: ids and
 * codes only, the case as the target.
 */
record GroundsAudit(String actor, String action, String targetId, String clientAddress, String detail,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String targetType() {
		return "CASE";
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
