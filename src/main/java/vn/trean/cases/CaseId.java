package vn.trean.cases;

import java.util.UUID;

/** A case's stable identity. */
public record CaseId(UUID value) {

	public CaseId {
		java.util.Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
