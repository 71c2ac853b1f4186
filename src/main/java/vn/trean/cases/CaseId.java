package vn.trean.cases;

import java.util.UUID;

/** A case's stable identity. */
public record CaseId(UUID value) {

	public CaseId {
		java.util.Objects.requireNonNull(value, "value");
	}

	/**
	 * The id as an address or a form names it; a text that is no id names no case (a 404
	 * page, a 400 problem in the API).
	 */
	public static CaseId valueOf(String text) {
		try {
			return new CaseId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownCase(text);
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
