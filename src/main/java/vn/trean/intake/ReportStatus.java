package vn.trean.intake;

/** Where a report stands, as far as its reporter may know. */
public enum ReportStatus {

	/** Recorded by a receiving point and routed. */
	RECEIVED,
	/** Came in through the public form: not yet verified by anyone. */
	AWAITING_VERIFICATION,
	/** An officer of the routed unit has opened it. */
	IN_HANDLING

}
