package vn.trean.plans;

/**
 * Identity of one version of a plan report, as addresses name it; text that is no report
 * id names no report (404).
 */
record ReportId(long value) {

	public static ReportId valueOf(String text) {
		try {
			return new ReportId(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			throw new UnknownPlan("report " + text);
		}
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
