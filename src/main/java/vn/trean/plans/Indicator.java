package vn.trean.plans;

import java.util.List;

/**
 * What a plan measures and how: a coverage indicator is a percentage of a numerator over
 * a denominator, each defined in words; where its figures come from is part of the
 * indicator, so every number stays traceable.
 *
 * @param denominatorKind the reference denominator a coverage indicator divides by, or
 * {@code null} when the denominator is counted rather than entered
 * @param frequency how often it is reported, or {@code null} while the plan administrator
 * has not said
 */
record Indicator(long id, long objectiveId, String code, String name, Measure measure, String definition,
		String numerator, String denominator, DenominatorKind denominatorKind, List<Disaggregation> disaggregations,
		Direction direction, Frequency frequency, Source source, boolean coverage) {

	Indicator {
		disaggregations = List.copyOf(disaggregations);
	}

	enum Measure {

		PERCENT, COUNT

	}

	enum Direction {

		INCREASE, DECREASE

	}

	enum Frequency {

		SIX_MONTHLY, YEARLY

	}

	/** Where the indicator's figures come from. */
	enum Source {

		/** Counted from the registers kept in the system. */
		REGISTER,
		/** Figures reported by communes and agencies in periodic reports. */
		REPORTED

	}

	enum Disaggregation {

		SEX, AGE_GROUP, ROLE

	}

	/** Whether its figures are also reported for girls and boys (women and men). */
	public boolean bySex() {
		return disaggregations.contains(Disaggregation.SEX);
	}

	/** Whether it divides by a denominator (a coverage or percentage indicator). */
	public boolean hasDenominator() {
		return coverage || measure == Measure.PERCENT || (denominator != null && !denominator.isBlank());
	}

	/** Whether something the plan text does not give is still to be completed. */
	public boolean needsCompletion() {
		return frequency == null;
	}

}
