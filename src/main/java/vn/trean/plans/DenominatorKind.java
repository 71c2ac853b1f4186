package vn.trean.plans;

/**
 * What a reference denominator counts, entered per unit and year by the plan
 * administrator.
 */
enum DenominatorKind {

	FAMILIES_WITH_CHILDREN, PUPILS, SCHOOLS, HEALTH_FACILITIES, INVESTIGATORS, WORKFORCE,
	/**
	 * Children living in the unit: the population the statistics give rates per 100 of.
	 */
	CHILDREN

}
