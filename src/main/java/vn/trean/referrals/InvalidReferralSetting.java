package vn.trean.referrals;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A referral setting that breaks a rule; nothing was saved. */
public class InvalidReferralSetting extends InvalidInput {

	InvalidReferralSetting(FormErrors errors) {
		super("referral setting", errors);
	}

	/** Refuses the input when a rule found errors. */
	static void check(FormErrors errors) {
		if (errors.hasErrors()) {
			throw new InvalidReferralSetting(errors);
		}
	}

}
