package vn.trean.referrals;

/**
 * Every code the referrals module writes to the audit log for a step, in one list: the
 * audit log and its readers search by these names, so a constant is never renamed. Each
 * is {@code REFERRAL_} and the kind of the referral's history line.
 */
enum ReferralAuditAction {

	REFERRAL_DRAFTED, REFERRAL_RESENT, REFERRAL_SENT, REFERRAL_ACCEPTED, REFERRAL_DECLINED, REFERRAL_PROGRESS,
	REFERRAL_FORWARDED, REFERRAL_INTERVIEWED, REFERRAL_COMPLETED, REFERRAL_WITHDRAWN;

	/** The code of a history line's kind. */
	static ReferralAuditAction of(String kind) {
		return valueOf("REFERRAL_" + kind);
	}

}
