package vn.trean.registers;

/** What a person on the child-protection workforce roster does. */
public enum WorkforceRole {

	/** Commune (ward) official in charge of child protection. */
	COMMUNE_OFFICER,
	/** Child-protection collaborator in a village or residential group. */
	COLLABORATOR,
	/** Volunteer. */
	VOLUNTEER,
	/** Social worker. */
	SOCIAL_WORKER,
	/** Police officer investigating child-abuse cases (objective 5, counted apart). */
	POLICE_INVESTIGATOR

}
