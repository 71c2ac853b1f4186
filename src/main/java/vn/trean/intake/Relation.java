package vn.trean.intake;

/** How a person (reporter or alleged perpetrator) is related to the child. */
public enum Relation {

	PARENT, STEP_PARENT, GRANDPARENT, SIBLING, OTHER_RELATIVE, TEACHER, CARER, NEIGHBOUR, ACQUAINTANCE, STRANGER,
	OTHER_CHILD, HEALTH_WORKER, POLICE, CHILD_SELF, OTHER, UNKNOWN

}
