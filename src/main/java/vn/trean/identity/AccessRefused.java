package vn.trean.identity;

/** A user tried something the authorization rules do not allow; answered with 403. */
public class AccessRefused extends RuntimeException {

	private final String reasonKey;

	public AccessRefused(Action action, String reasonKey) {
		super("Refused " + action + ": " + reasonKey);
		this.reasonKey = reasonKey;
	}

	public String reasonKey() {
		return reasonKey;
	}

}
