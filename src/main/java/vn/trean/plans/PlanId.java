package vn.trean.plans;

/**
 * Identity of an action plan, as addresses name it; text that is no plan id names no plan
 * (404), like an id no plan has.
 */
record PlanId(long value) {

	public static PlanId valueOf(String text) {
		try {
			return new PlanId(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			throw new UnknownPlan("plan " + text);
		}
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
