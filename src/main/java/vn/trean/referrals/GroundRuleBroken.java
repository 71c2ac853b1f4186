package vn.trean.referrals;

import vn.trean.shared.RuleBroken;

/**
 * A sharing ground the rules refuse (one already in force, one already withdrawn or
 * ended, a closed case): a 409; nothing was saved.
 */
class GroundRuleBroken extends RuleBroken {

	GroundRuleBroken(String messageKey) {
		super(messageKey, null);
	}

}
