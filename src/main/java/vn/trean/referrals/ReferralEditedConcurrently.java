package vn.trean.referrals;

/** Someone else changed the referral since it was read; nothing was saved. */
public class ReferralEditedConcurrently extends vn.trean.shared.ChangedMeanwhile {

	ReferralEditedConcurrently(ReferralId id) {
		super("referral.concurrent-edit", "Referral " + id);
	}

}
