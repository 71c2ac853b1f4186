package vn.trean.shared;

/**
 * The record was changed by someone else since the user read it (a stale version): a 409
 * with the translated {@link #messageKey()}, and the page shown again with what is stored
 * now. Nothing was saved.
 */
public abstract class ChangedMeanwhile extends RuntimeException {

	private final String messageKey;

	protected ChangedMeanwhile(String messageKey, String what) {
		super(what + " was changed by someone else");
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
