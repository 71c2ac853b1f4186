package vn.trean.plans;

/**
 * One figure of a plan report: an indicator's numerator and denominator for the whole
 * unit ({@code ALL}) or for one sex. A numerator larger than its denominator is kept only
 * flagged, with the reporter's explanation.
 */
record ReportValue(long indicatorId, Disaggregation disaggregation, Long numerator, Long denominator,
		String explanation, boolean flagged) {

	enum Disaggregation {

		ALL, FEMALE, MALE

	}

	public boolean empty() {
		return numerator == null && denominator == null;
	}

}
