package vn.trean.intake;

import java.util.UUID;

/** Identity of a report; a UUID so it can be given out before the report is stored. */
public record ReportId(UUID value) implements java.io.Serializable {

	@Override
	public String toString() {
		return value.toString();
	}

}
