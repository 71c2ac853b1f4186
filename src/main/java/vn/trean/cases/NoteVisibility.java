package vn.trean.cases;

/** Who may read a timeline entry of a case. */
public enum NoteVisibility {

	/**
	 * Everyone who may read the case (the commune's officers and chair, the province).
	 */
	CASE_TEAM,
	/**
	 * Only the commune that handles the case (its officers and chair), not the province.
	 */
	COMMUNE_ONLY,
	/** Only the assigned officer and the commune chair. */
	RESTRICTED

}
