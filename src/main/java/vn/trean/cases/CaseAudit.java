package vn.trean.cases;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A step taken in a case, for the audit log (no personal data: ids and codes only). The
 * action is one of {@link CaseAuditAction}.
 */
record CaseAudit(String actor, String action, String targetId, String clientAddress, String detail,
		Instant occurredAt) implements AuditableEvent {

	CaseAudit(String actor, CaseAuditAction action, String targetId, String clientAddress, String detail,
			Instant occurredAt) {
		this(actor, action.name(), targetId, clientAddress, detail, occurredAt);
	}

	@Override
	public String targetType() {
		return "CASE";
	}

	@Override
	public String outcome() {
		return "SUCCESS";
	}

}
