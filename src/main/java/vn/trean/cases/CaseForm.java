package vn.trean.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The official forms a case keeps as structured, versioned data. Each save adds a
 * version; the latest of the current plan cycle is the one in force. Each form is saved
 * by one step of the case ({@link CaseStep}), whose rule decides who may save it when.
 */
public enum CaseForm {

	/** Mẫu 02: initial assessment of harm and risk. */
	INITIAL_ASSESSMENT("02", "initial-assessment", CaseStep.INITIAL_ASSESSMENT),
	/** Mẫu 03: specific assessment and the needs meeting with its minutes. */
	NEEDS_ASSESSMENT("03", "needs-assessment", CaseStep.NEEDS_ASSESSMENT),
	/** Mẫu 04: the support and intervention plan. */
	SUPPORT_PLAN("04", "plan", CaseStep.DRAFT_PLAN),
	/** Mẫu 05: the chair's decision on the plan (approved, or returned with reasons). */
	PLAN_DECISION("05", "plan-decision", CaseStep.APPROVE_PLAN),
	/** Mẫu 06: the review and closing assessment. */
	CLOSING_ASSESSMENT("06", "closing-assessment", CaseStep.CLOSING_ASSESSMENT),
	/** The chair's emergency decision (emergency measures, temporary separation). */
	EMERGENCY_DECISION("QĐ", "emergency-decision", CaseStep.EMERGENCY_DECISION);

	private final String number;

	private final String path;

	private final CaseStep step;

	CaseForm(String number, String path, CaseStep step) {
		this.number = number;
		this.path = path;
		this.step = step;
	}

	/** The form named by its address ({@code /cases/{id}/forms/plan}), if any. */
	public static Optional<CaseForm> byPath(String path) {
		return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
	}

	/** The number of the official form ("02" for Mẫu 02). */
	public String number() {
		return number;
	}

	/** The form's name in addresses: {@code initial-assessment}, {@code plan}. */
	public String path() {
		return path;
	}

	/**
	 * The step that saves the form (the plan decision's approval stands for its return:
	 * both need the same permission in the same state).
	 */
	public CaseStep step() {
		return step;
	}

}
