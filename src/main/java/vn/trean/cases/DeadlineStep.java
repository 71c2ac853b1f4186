package vn.trean.cases;

/**
 * The legal clocks a case runs, each named for the step that is late when it passes
 * (docs/domain.md §2). Statutory limits are fixed by law; the others are settings an
 * administrator changes ({@link DeadlineRules}).
 */
public enum DeadlineStep {

	/** ND 56: the chair decides on emergency measures within 12 hours of the report. */
	EMERGENCY_DECISION,
	/** Verification of the report (limit not in the law text we hold: a setting). */
	VERIFICATION,
	/** ND 56: the support/intervention plan within 5 working days of the assessment. */
	PLAN,
	/** The chair's approval of a submitted plan (a setting). */
	APPROVAL,
	/** The review of a plan in implementation (a setting). */
	REVIEW,
	/** Temporary separation lasts at most 15 days unless extended. */
	SEPARATION_END

}
