package vn.trean.registers;

import vn.trean.shared.ChangedMeanwhile;

/**
 * A register record was changed or deleted by someone else since the form was read; the
 * edit or deletion was refused (409) and nothing was saved.
 */
class RegisterRecordChanged extends ChangedMeanwhile {

	RegisterRecordChanged(String what) {
		super("registers.changed-meanwhile", what);
	}

}
