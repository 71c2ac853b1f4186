package vn.trean.identity;

/** The roles a user can hold; a user may hold several. */
public enum Role {

	/** Manages users, agencies, API tokens and the audit log in their jurisdiction. */
	SYSTEM_ADMINISTRATOR,
	/** Takes reports on hotline 111 or the city line and records them. */
	HOTLINE_OPERATOR,
	/** Commune child-protection officer: verifies, assesses, plans, follows cases. */
	COMMUNE_OFFICER,
	/**
	 * Chair of the commune People's Committee: emergency decisions, approvals, closure.
	 */
	COMMUNE_CHAIR,
	/** Provincial child-protection authority: supervises communes, runs the plan. */
	PROVINCIAL_MANAGER,
	/** The contact person of an agency (school, health facility, police, ...). */
	AGENCY_FOCAL_POINT,
	/** Fills in the periodic reports of the action plan for a unit. */
	PLAN_REPORTER,
	/** Reads figures and statistics, never a child's record. */
	STATISTICIAN

}
