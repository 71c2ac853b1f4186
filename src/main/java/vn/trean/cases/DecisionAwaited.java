package vn.trean.cases;

import vn.trean.geography.UnitId;

/**
 * Something in a case started waiting for the decision of the commune's chair: emergency
 * measures recommended in the initial assessment, a plan submitted, a closing assessment
 * recorded. Handled in the transaction of the step ({@link CaseNotifications}).
 */
record DecisionAwaited(CaseId caseId, UnitId unit, Decision decision) {

	/** Which decision waits. */
	enum Decision {

		EMERGENCY, PLAN_APPROVAL, CLOSURE;

		/** The step's name, as the work queue prints it. */
		String stepKey() {
			return switch (this) {
				case EMERGENCY -> CaseLinks.stepKey(DeadlineStep.EMERGENCY_DECISION);
				case PLAN_APPROVAL -> CaseLinks.stepKey(DeadlineStep.APPROVAL);
				case CLOSURE -> "work.step.closure";
			};
		}

		/** The page the chair decides on, the work queue's link. */
		String link(CaseId id) {
			return switch (this) {
				case EMERGENCY -> CaseLinks.of(id, DeadlineStep.EMERGENCY_DECISION);
				case PLAN_APPROVAL -> CaseLinks.of(id, DeadlineStep.APPROVAL);
				case CLOSURE -> CaseLinks.of(id);
			};
		}

	}

}
