package vn.trean.audit;

import java.time.Instant;

/** One line of the audit log as stored, with its place in the hash chain. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
		String clientAddress, String outcome, String detail, String previousHash, String hash) {
}
