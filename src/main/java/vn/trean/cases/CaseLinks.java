package vn.trean.cases;

/**
 * The page that acts on a case's waiting step, and the step's name as the work queue and
 * the notification list print it: the same address in the queue, the notification and the
 * e-mail, so each leads to the same item.
 */
final class CaseLinks {

	private CaseLinks() {
	}

	/** The page that acts on the clock of {@code step}. */
	static String of(CaseId id, DeadlineStep step) {
		return switch (step) {
			case EMERGENCY_DECISION -> form(id, CaseForm.EMERGENCY_DECISION);
			case APPROVAL -> form(id, CaseForm.PLAN_DECISION);
			default -> of(id);
		};
	}

	/** The case page, where the steps without their own form are taken. */
	static String of(CaseId id) {
		return "/cases/" + id;
	}

	/** The page of the case's form. */
	static String form(CaseId id, CaseForm form) {
		return "/cases/" + id + "/forms/" + form.path();
	}

	/** The message key naming the step that waits when this clock runs. */
	static String stepKey(DeadlineStep step) {
		return switch (step) {
			case EMERGENCY_DECISION -> "work.step.emergency-decision";
			case VERIFICATION -> "work.step.verification";
			case PLAN -> "work.step.plan";
			case APPROVAL -> "work.step.plan-approval";
			case REVIEW -> "work.step.review";
			case SEPARATION_END -> "work.step.separation-end";
		};
	}

}
