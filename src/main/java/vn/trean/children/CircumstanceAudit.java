package vn.trean.children;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A reading or a change of a child's special circumstances, for the audit log: the
 * child's id and the record's, never her name.
 */
record CircumstanceAudit(String actor, String action, String targetId, String clientAddress, String detail,
		Instant occurredAt) implements AuditableEvent {

	@Override
	public String targetType() {
		return "CHILD";
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
