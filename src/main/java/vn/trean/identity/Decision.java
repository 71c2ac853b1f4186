package vn.trean.identity;

/**
 * The answer of a policy: allowed, or refused with a message key that says why.
 */
public record Decision(boolean allowed, String reason) {

	private static final Decision ALLOWED = new Decision(true, null);

	public static Decision allow() {
		return ALLOWED;
	}

	public static Decision refuse(String reasonKey) {
		return new Decision(false, reasonKey);
	}

	public boolean refused() {
		return !allowed;
	}

}
