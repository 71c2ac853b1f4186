package vn.trean.registers;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A register entry that breaks a rule of {@link RegisterPolicy}; nothing was saved. */
class InvalidRegisterInput extends InvalidInput {

	InvalidRegisterInput(FormErrors errors) {
		super("register input", errors);
	}

	/** The HTTP status the refused form is shown again with. */
	int status() {
		return 422;
	}

}
