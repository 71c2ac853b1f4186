package vn.trean.referrals;

import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A referral as one reader may see it: the envelope, the fields of their share in display
 * order, whether sharing is suspended (no ground in force: the fields are empty), and
 * what the agency recorded of its work (none where the reader sees only the envelope;
 * health findings on the referral's page only). The only input of the referral's page,
 * printout, export and API answer.
 */
public record SharedReferral(Envelope envelope, LinkedHashMap<ShareField, ShareValue> fields, boolean suspended,
		ReferralStep.Side side, @Nullable RecordedOutcome outcome) {
}
