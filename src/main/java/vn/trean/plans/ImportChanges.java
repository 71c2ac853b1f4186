package vn.trean.plans;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import vn.trean.geography.UnitId;

/**
 * What one import changes, counted for its summary and listed for its audit entry as far
 * as the entry's detail has room (1000 characters).
 */
final class ImportChanges {

	/** Room for the list of changes in the audit entry's detail. */
	private static final int MAX_AUDITED_CHANGES = 700;

	private final Map<UnitId, String> codes;

	private final Instant at;

	private final StringBuilder listed = new StringBuilder();

	private int set;

	private int unchanged;

	private int notListed;

	/**
	 * @param codes the codes of the province's units, by id, as the audit entry names
	 * them
	 */
	ImportChanges(Map<UnitId, String> codes, Instant at) {
		this.codes = codes;
		this.at = at;
	}

	/** When the import is made: every figure it sets is entered at this instant. */
	Instant at() {
		return at;
	}

	/** The province's units in force. */
	Set<UnitId> units() {
		return codes.keySet();
	}

	void note(String column, UnitId unit, int year, String before, String after) {
		set++;
		String change = column + "@" + codes.get(unit) + "/" + year + ":" + before + "->" + after + ";";
		if (notListed == 0 && listed.length() + change.length() <= MAX_AUDITED_CHANGES) {
			listed.append(change);
		}
		else {
			notListed++;
		}
	}

	void unchangedOne() {
		unchanged++;
	}

	int set() {
		return set;
	}

	int unchanged() {
		return unchanged;
	}

	String detail() {
		return listed.length() == 0 ? "none" : listed + (notListed > 0 ? " +" + notListed + " more" : "");
	}

}
