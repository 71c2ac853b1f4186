package vn.trean.referrals;

import vn.trean.directory.Sector;

/**
 * Which outcome report an agency gives, by its sector: a school reports the support given
 * at school, a health facility the examination, the police the investigation, and the
 * social work, legal aid and shelter services their sessions or nights.
 */
public enum OutcomeKind {

	SCHOOL(SchoolOutcome.class), HEALTH(HealthOutcome.class), POLICE(PoliceOutcome.class),
	SOCIAL_WORK(ServiceOutcome.class), LEGAL_AID(ServiceOutcome.class), SHELTER(ServiceOutcome.class),
	SERVICE(ServiceOutcome.class);

	private final Class<? extends OutcomeReport> type;

	OutcomeKind(Class<? extends OutcomeReport> type) {
		this.type = type;
	}

	public static OutcomeKind of(Sector sector) {
		return switch (sector) {
			case SCHOOL, EDUCATION_DEPARTMENT -> SCHOOL;
			case HEALTH_FACILITY, HEALTH_DEPARTMENT -> HEALTH;
			case POLICE -> POLICE;
			case SOCIAL_WORK_CENTRE -> SOCIAL_WORK;
			case JUSTICE_AND_LEGAL_AID -> LEGAL_AID;
			case SHELTER_OR_NGO -> SHELTER;
			default -> SERVICE;
		};
	}

	/**
	 * The report's record type (one shared by the services that count sessions or
	 * nights).
	 */
	public Class<? extends OutcomeReport> type() {
		return type;
	}

	/** Whether the report is one of this kind. */
	public boolean fits(OutcomeReport report) {
		return type.isInstance(report);
	}

}
