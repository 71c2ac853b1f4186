package vn.trean.intake;

/** The immediate-danger checklist asked on every report. */
public enum DangerSign {

	/** The child is with the alleged perpetrator now. */
	WITH_PERPETRATOR_NOW,
	/** The child has injuries that need care. */
	INJURIES_NEEDING_CARE,
	/**
	 * Sexual abuse within the last 72 hours (evidence, emergency contraception, HIV
	 * prophylaxis).
	 */
	SEXUAL_ABUSE_WITHIN_72_HOURS,
	/** The child is threatened or at risk of suicide. */
	THREATENED_OR_SUICIDE_RISK,
	/** A young child is left alone. */
	YOUNG_CHILD_ALONE

}
