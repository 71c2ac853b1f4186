package vn.trean.children;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A reading or a change of a child's special circumstances, for the audit log: the
 * child's id and the record's (or an evidence file's id), never her name.
 */
record CircumstanceAudit(String actor, String action, String targetType, String targetId, String clientAddress,
		String detail, Instant occurredAt) implements AuditableEvent {

	/** About the child herself. */
	CircumstanceAudit(String actor, String action, String targetId, String clientAddress, String detail,
			Instant occurredAt) {
		this(actor, action, "CHILD", targetId, clientAddress, detail, occurredAt);
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
