package vn.trean.shared;

/**
 * A step the record's rules refuse (out of order, a required form missing, a limit of the
 * domain): a 409 with the translated {@link #messageKey()}. Nothing was saved. Modules
 * extend it with their own name so a log line says where.
 */
public abstract class RuleBroken extends RuntimeException {

	private final String messageKey;

	protected RuleBroken(String messageKey, String detail) {
		super(messageKey + (detail == null ? "" : " (" + detail + ")"));
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
