package vn.trean.cases;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** Case input that breaks a rule; carries the errors by field. Nothing was saved. */
public class InvalidCaseInput extends InvalidInput {

	InvalidCaseInput(FormErrors errors) {
		super("case input", errors);
	}

	/** Refuses the input when a rule found errors. */
	static void check(FormErrors errors) {
		if (errors.hasErrors()) {
			throw new InvalidCaseInput(errors);
		}
	}

}
