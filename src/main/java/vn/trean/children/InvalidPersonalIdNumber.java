package vn.trean.children;

/** A personal identification number that cannot be valid; carries the message key. */
public class InvalidPersonalIdNumber extends IllegalArgumentException {

	private final String messageKey;

	InvalidPersonalIdNumber(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
