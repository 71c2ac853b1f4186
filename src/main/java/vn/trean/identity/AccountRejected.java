package vn.trean.identity;

/** An account change that breaks a rule; names the form field and the message key. */
public class AccountRejected extends RuntimeException {

	private final String field;

	private final String messageKey;

	AccountRejected(String field, String messageKey) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

}
