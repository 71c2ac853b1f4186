package vn.trean.registers;

import vn.trean.shared.FormErrors;

/**
 * A register record was changed or deleted by someone else since the form was read; the
 * edit or deletion was refused (409) and nothing was saved.
 */
class RegisterRecordChanged extends InvalidRegisterInput {

	RegisterRecordChanged() {
		super(new FormErrors().reject("version", "registers.changed-meanwhile"));
	}

	@Override
	int status() {
		return 409;
	}

}
