package vn.trean.referrals;

/** No referral has this id (404). */
public class UnknownReferral extends vn.trean.shared.UnknownRecord {

	UnknownReferral(Object id) {
		super("No referral " + id);
	}

}
