package vn.trean.registers;

/** What a training taught; indicators count trainings of a given kind. */
public enum TrainingKind {

	/** Child-protection knowledge and skills (objective 2). */
	CHILD_PROTECTION_SKILLS,
	/** Child-friendly investigation for police investigators (objective 5). */
	CHILD_FRIENDLY_INVESTIGATION,
	/** Preventing and handling school violence (objective 3). */
	SCHOOL_VIOLENCE,
	/** Health care of abused children (objective 4). */
	HEALTH_CARE

}
