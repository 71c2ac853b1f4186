package vn.trean.plans;

import java.time.Instant;

import vn.trean.geography.UnitId;

/**
 * How many families with children, pupils, schools, … a unit had in a year: the
 * denominator of coverage indicators, entered by the plan administrator.
 */
record ReferenceDenominator(DenominatorKind kind, UnitId unit, int year, long value, String enteredBy,
		Instant enteredAt) {
}
