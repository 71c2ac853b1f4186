package vn.trean.cases;

/**
 * The official forms a case keeps as structured, versioned data. Each save adds a
 * version; the latest of the current plan cycle is the one in force.
 */
public enum CaseForm {

	/** Mẫu 02: initial assessment of harm and risk. */
	INITIAL_ASSESSMENT("02"),
	/** Mẫu 03: specific assessment and the needs meeting with its minutes. */
	NEEDS_ASSESSMENT("03"),
	/** Mẫu 04: the support and intervention plan. */
	SUPPORT_PLAN("04"),
	/** Mẫu 05: the chair's decision on the plan (approved, or returned with reasons). */
	PLAN_DECISION("05"),
	/** Mẫu 06: the review and closing assessment. */
	CLOSING_ASSESSMENT("06"),
	/** The chair's emergency decision (emergency measures, temporary separation). */
	EMERGENCY_DECISION("QĐ");

	private final String number;

	CaseForm(String number) {
		this.number = number;
	}

	/** The number of the official form ("02" for Mẫu 02). */
	public String number() {
		return number;
	}

}
