package vn.trean.registers;

import vn.trean.shared.RuleBroken;

/**
 * A register record other records refer to (a workforce member a training lists) cannot
 * be deleted (409); nothing was deleted.
 */
class RegisterRecordInUse extends RuleBroken {

	RegisterRecordInUse(String messageKey, String what) {
		super(messageKey, what);
	}

}
