package vn.trean.intake;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identity of a report; a UUID so it can be given out before the report is stored. */
public record ReportId(UUID value) implements java.io.Serializable {

	private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

	/**
	 * The id written in an address or a form: a UUID in canonical form; any other text
	 * names no report ({@link UnknownReport}, a 404 on a page, a 400 in the API).
	 */
	public static ReportId valueOf(String text) {
		if (text == null || !CANONICAL.matcher(text).matches()) {
			throw new UnknownReport(text);
		}
		return new ReportId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
