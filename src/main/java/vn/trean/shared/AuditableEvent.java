package vn.trean.shared;

import java.time.Instant;

/**
 * A domain or security event that belongs in the audit log. Modules publish their own
 * past-tense events; the audit module records every one that implements this, without
 * knowing the modules.
 */
public interface AuditableEvent {

	/** Who did it: a username, {@code anonymous} or {@code system}. */
	String actor();

	/** What happened, as a stable upper-case code such as {@code LOGIN_FAILED}. */
	String action();

	/** The kind of thing acted on, or {@code null}. */
	String targetType();

	/** Which one, or {@code null}. */
	String targetId();

	/** The client address the request came from, or {@code null} for the system. */
	String clientAddress();

	/** {@code SUCCESS}, {@code FAILURE} or {@code DENIED}. */
	String outcome();

	/** A short description without personal data, or {@code null}. */
	String detail();

	Instant occurredAt();

}
