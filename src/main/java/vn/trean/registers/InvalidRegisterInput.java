package vn.trean.registers;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/**
 * A register entry that breaks a rule of its register's policy (422); nothing was saved.
 */
class InvalidRegisterInput extends InvalidInput {

	InvalidRegisterInput(FormErrors errors) {
		super("register input", errors);
	}

}
