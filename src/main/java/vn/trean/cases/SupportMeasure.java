package vn.trean.cases;

/**
 * Support and intervention measures a plan (Mẫu 04) may choose, after LTE Art. 49
 * (support) and Art. 50 (intervention).
 */
public enum SupportMeasure {

	MEDICAL_CARE, PSYCHOLOGICAL_THERAPY, SAFE_SHELTER, TEMPORARY_SEPARATION, ALTERNATIVE_CARE, FAMILY_REUNIFICATION,
	PARENT_COUNSELLING, CHILD_COUNSELLING, LEGAL_AID, EDUCATION_SUPPORT, SOCIAL_ASSISTANCE, COMMUNITY_INTEGRATION, OTHER

}
