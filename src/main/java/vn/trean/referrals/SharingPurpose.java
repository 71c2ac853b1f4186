package vn.trean.referrals;

/**
 * The stated purpose information is shared for (worded {@code referral.purpose.*}): a
 * consent or legal basis covers one purpose, and a referral has exactly one.
 */
public enum SharingPurpose {

	INVESTIGATION, HEALTH_CARE, EDUCATION_SUPPORT, PSYCHOSOCIAL_SUPPORT, LEGAL_AID, SHELTER_AND_CARE, SOCIAL_WORK,
	OTHER;

	public String key() {
		return "referral.purpose." + name();
	}

}
