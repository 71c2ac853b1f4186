package vn.trean.cases;

import java.util.UUID;

/** The id of a file attached to a case. */
public record AttachmentId(UUID value) {

	public AttachmentId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
