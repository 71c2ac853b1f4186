package vn.trean.cases;

/**
 * How far a running clock has been escalated, in order: the assigned officer is warned
 * before it runs out, the chair is told when it has run out, the provincial authority
 * when it stays overdue.
 */
public enum Escalation {

	/** Nothing sent yet. */
	NONE,
	/** Due soon: the assigned officer was warned. */
	DUE_SOON,
	/** Overdue: the officer and the commune chair were told. */
	OVERDUE,
	/** Still overdue: the provincial authority was told. */
	PROVINCE

}
