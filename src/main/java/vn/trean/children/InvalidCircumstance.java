package vn.trean.children;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** An entry or a support {@link CircumstancePolicy} refused; nothing was saved. */
class InvalidCircumstance extends InvalidInput {

	InvalidCircumstance(FormErrors errors) {
		super("special circumstance", errors);
	}

}
