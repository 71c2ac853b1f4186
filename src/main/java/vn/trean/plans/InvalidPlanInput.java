package vn.trean.plans;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A target, activity or denominator that breaks a rule; nothing was saved. */
class InvalidPlanInput extends InvalidInput {

	InvalidPlanInput(FormErrors errors) {
		super("plan input", errors);
	}

}
