package vn.trean.referrals;

/**
 * The services an agency can be asked for (worded {@code referral.service.*}). Which
 * sectors offer each, its purpose and its limits are data ({@code referral_service_kind},
 * {@code referral_service_sector}).
 */
public enum ReferralService {

	MEDICAL_EXAMINATION_TREATMENT, FORENSIC_EXAMINATION, PSYCHOLOGICAL_COUNSELLING, SCHOOL_SUPPORT, LEGAL_ADVICE_AID,
	TEMPORARY_SHELTER, ALTERNATIVE_CARE, SOCIAL_WORK_FOLLOW_UP, CRIME_INVESTIGATION, OTHER;

	public String key() {
		return "referral.service." + name();
	}

}
