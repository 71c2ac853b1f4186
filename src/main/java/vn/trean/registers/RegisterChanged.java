package vn.trean.registers;

import java.time.Instant;

import vn.trean.shared.AuditableEvent;

/**
 * A record was added to a register (a workforce member, a training, a communication
 * event, a facility or its check, an interview room), corrected or deleted; the audit log
 * records it in the same transaction. The detail names units and counts, never a person's
 * name.
 */
public record RegisterChanged(String actor, String change, String register, long recordId, String detail,
		String clientAddress, Instant occurredAt) implements AuditableEvent {

	public String action() {
		return change;
	}

	public String targetType() {
		return register;
	}

	public String targetId() {
		return Long.toString(recordId);
	}

	public String outcome() {
		return "SUCCESS";
	}

}
