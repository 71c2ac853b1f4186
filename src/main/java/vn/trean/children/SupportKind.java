package vn.trean.children;

/**
 * What a child in special circumstances is given: the support measures of the Law on
 * Children, Art. 49, and the intervention measures of Art. 50. The statistics count by
 * these constants, so none is renamed; the words are {@link #key()} in the message
 * bundles.
 */
public enum SupportKind {

	/** Health care, treatment and rehabilitation. */
	HEALTHCARE,
	/** Schooling and learning support. */
	EDUCATION,
	/** Legal aid and legal support. */
	LEGAL_AID,
	/** Social assistance: allowances and material help. */
	SOCIAL_ASSISTANCE,
	/** Psychological support and counselling. */
	PSYCHOLOGICAL_SUPPORT,
	/** Alternative care: kinship, foster family, adoption or a care facility. */
	ALTERNATIVE_CARE,
	/** Vocational training and guidance. */
	VOCATIONAL_TRAINING,
	/** Support to the family or carer in caring for the child. */
	FAMILY_SUPPORT,
	/** A safe place to stay, away from the harm. */
	SAFE_SHELTER,
	/** Help to return to and live in the community. */
	COMMUNITY_INTEGRATION,
	/** Another measure, said by the provider's note. */
	OTHER;

	/** The message key of the measure's name. */
	public String key() {
		return "support.kind." + name();
	}

}
