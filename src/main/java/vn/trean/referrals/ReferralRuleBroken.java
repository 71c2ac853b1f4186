package vn.trean.referrals;

/** A step the referral's rules refuse (out of order, no ground, …); nothing was saved. */
public class ReferralRuleBroken extends vn.trean.shared.RuleBroken {

	ReferralRuleBroken(String messageKey, Object detail) {
		super(messageKey, String.valueOf(detail));
	}

}
