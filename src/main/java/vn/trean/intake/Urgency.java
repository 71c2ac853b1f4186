package vn.trean.intake;

/** How fast a report must be acted on; the order is the inbox order. */
public enum Urgency {

	/** Immediate danger: the 12-hour emergency-decision clock runs. */
	EMERGENCY,
	/** Serious harm without immediate danger. */
	HIGH,
	/** Everything else. */
	NORMAL

}
