package vn.trean.registers;

import java.util.List;

/**
 * What a deletion's confirmation page shows: the record, what is deleted with it, and the
 * trainings that stop a workforce member from being deleted.
 *
 * @param goesWith the message key of what is deleted with the record (with
 * {@code goesWithCount}), or null
 */
record Removal(String register, long id, int version, String label, String unitName, String goesWith, int goesWithCount,
		List<WorkforceRecords.Participation> blockers, String list, String action) {

	/** A removal that nothing blocks and nothing goes with. */
	static Removal plain(String register, long id, int version, String label, String unitName, String list,
			String action) {
		return new Removal(register, id, version, label, unitName, null, 0, List.of(), list, action);
	}

	public boolean blocked() {
		return !blockers.isEmpty();
	}

}
