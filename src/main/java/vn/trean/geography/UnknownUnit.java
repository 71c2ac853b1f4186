package vn.trean.geography;

import vn.trean.shared.UnknownRecord;

/** Asked for an administrative unit that does not exist (answered with 404). */
public class UnknownUnit extends UnknownRecord {

	public UnknownUnit(String reference) {
		super("api.unit.unknown", "No administrative unit " + reference);
	}

}
