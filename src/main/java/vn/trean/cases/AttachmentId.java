package vn.trean.cases;

import java.util.UUID;

/** The id of a file attached to a case. */
public record AttachmentId(UUID value) {

	public AttachmentId {
		java.util.Objects.requireNonNull(value, "value");
	}

	/** The id as an address names it; a text that is no id names no attachment (404). */
	public static AttachmentId valueOf(String text) {
		try {
			return new AttachmentId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownAttachment(text);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
