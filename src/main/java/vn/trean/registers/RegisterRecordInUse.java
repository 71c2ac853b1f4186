package vn.trean.registers;

import vn.trean.shared.FormErrors;

/**
 * A register record other records refer to (a workforce member a training lists) cannot
 * be deleted (409); nothing was deleted.
 */
class RegisterRecordInUse extends InvalidRegisterInput {

	RegisterRecordInUse(FormErrors errors) {
		super(errors);
	}

	@Override
	int status() {
		return 409;
	}

}
