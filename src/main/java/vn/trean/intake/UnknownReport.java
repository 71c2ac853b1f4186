package vn.trean.intake;

import vn.trean.shared.UnknownRecord;

/** A report id that names no report (404). */
public class UnknownReport extends UnknownRecord {

	UnknownReport(ReportId id) {
		this(id.toString());
	}

	UnknownReport(String id) {
		super("No report " + id);
	}

}
