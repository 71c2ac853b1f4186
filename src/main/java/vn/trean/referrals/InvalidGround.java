package vn.trean.referrals;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A consent or legal basis whose input breaks a rule, by field; nothing was saved. */
class InvalidGround extends InvalidInput {

	InvalidGround(FormErrors errors) {
		super("sharing ground", errors);
	}

}
