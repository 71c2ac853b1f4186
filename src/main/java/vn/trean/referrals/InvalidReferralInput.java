package vn.trean.referrals;

import vn.trean.shared.FormErrors;

/** A referral form refused field by field (422); nothing was saved. */
public class InvalidReferralInput extends vn.trean.shared.InvalidInput {

	InvalidReferralInput(FormErrors errors) {
		super("referral", errors);
	}

	static void check(FormErrors errors) {
		if (errors.hasErrors()) {
			throw new InvalidReferralInput(errors);
		}
	}

}
