package vn.trean.identity;

import org.jspecify.annotations.Nullable;

/**
 * A user tried something the authorization rules do not allow; answered with 403 and
 * written to the audit log where refusals are answered ({@code IdentityWeb}). A refusal
 * may name what it was about (a case and its form), so the entry does; otherwise the
 * entry names the address asked for.
 */
public class AccessRefused extends RuntimeException {

	private final Action action;

	private final String reasonKey;

	private final @Nullable String targetType;

	private final @Nullable String targetId;

	private final @Nullable String detail;

	public AccessRefused(Action action, String reasonKey) {
		this(action, reasonKey, null, null, null);
	}

	/**
	 * A refusal about a record: its kind and id, and a detail without personal data (such
	 * as which form).
	 */
	public AccessRefused(Action action, String reasonKey, @Nullable String targetType, @Nullable String targetId,
			@Nullable String detail) {
		super("Refused " + action + ": " + reasonKey);
		this.action = action;
		this.reasonKey = reasonKey;
		this.targetType = targetType;
		this.targetId = targetId;
		this.detail = detail;
	}

	public Action action() {
		return action;
	}

	public String reasonKey() {
		return reasonKey;
	}

	public @Nullable String targetType() {
		return targetType;
	}

	public @Nullable String targetId() {
		return targetId;
	}

	public @Nullable String detail() {
		return detail;
	}

}
