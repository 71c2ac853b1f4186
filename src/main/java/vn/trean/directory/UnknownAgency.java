package vn.trean.directory;

import vn.trean.shared.AgencyId;
import vn.trean.shared.UnknownRecord;

/** Asked for an agency that does not exist (answered with 404). */
public class UnknownAgency extends UnknownRecord {

	public UnknownAgency(AgencyId id) {
		super("No agency " + id);
	}

}
