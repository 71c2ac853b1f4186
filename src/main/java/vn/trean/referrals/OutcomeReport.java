package vn.trean.referrals;

import java.time.LocalDate;
import java.util.LinkedHashMap;

/**
 * An agency's outcome report, one record per kind ({@link OutcomeKind}), validated by
 * Bean Validation as typed and by {@link OutcomePolicy} for the rules that span fields or
 * need the referral; stored as versioned JSON ({@link #SCHEMA}).
 */
public sealed interface OutcomeReport permits SchoolOutcome, HealthOutcome, PoliceOutcome, ServiceOutcome {

	/** The version of the stored JSON. */
	int SCHEMA = 1;

	/** When the work ended. */
	LocalDate completedOn();

	/**
	 * Every date the report gives, by field name: each must lie between the day the
	 * referral was sent and today.
	 */
	LinkedHashMap<String, LocalDate> dates();

	/** The report as a reading outside the referral page shows it: nothing sensitive. */
	default OutcomeReport withoutSensitive() {
		return this;
	}

}
