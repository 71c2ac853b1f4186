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

		EMERGENCY("work.step.emergency-decision"), PLAN_APPROVAL("work.step.plan-approval"),
		CLOSURE("work.step.closure");

		private final String stepKey;

		Decision(String stepKey) {
			this.stepKey = stepKey;
		}

		String stepKey() {
			return stepKey;
		}

	}

}
