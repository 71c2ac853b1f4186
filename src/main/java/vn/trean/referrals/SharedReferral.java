package vn.trean.referrals;

import java.util.LinkedHashMap;

/**
 * A referral as one reader may see it: the envelope, the fields of their share in display
 * order, and whether sharing is suspended (no ground in force: the fields are empty). The
 * only input of the referral's page, printout, export and API answer.
 */
public record SharedReferral(Envelope envelope, LinkedHashMap<ShareField, ShareValue> fields, boolean suspended,
		ReferralStep.Side side) {
}
