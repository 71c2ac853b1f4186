package vn.trean.referrals;

/**
 * The grounds in law on which a case's information is shared without consent (worded
 * {@code legal-basis.*}).
 */
public enum LegalBasis {

	/** Protecting the child's life or health in an emergency. */
	LIFE_OR_HEALTH_EMERGENCY,
	/** The duty to report a crime. */
	DUTY_TO_REPORT_CRIME,
	/** A request of an investigation agency, the procuracy or a court. */
	AUTHORITY_REQUEST,
	/** Another basis a law names, with its reference. */
	OTHER_LAW;

	public String key() {
		return "legal-basis." + name();
	}

}
