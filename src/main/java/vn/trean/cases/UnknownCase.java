package vn.trean.cases;

import vn.trean.shared.UnknownRecord;

/**
 * A case id that names no case (404), or a text in an address that is no case id at all
 * ({@link CaseId#valueOf}).
 */
public class UnknownCase extends UnknownRecord {

	UnknownCase(CaseId id) {
		super("No case " + id);
	}

	UnknownCase(String text) {
		super("No case " + text);
	}

}
