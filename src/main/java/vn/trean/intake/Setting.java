package vn.trean.intake;

/** Where the abuse took place (a reporting dimension, docs/domain.md §3). */
public enum Setting {

	FAMILY, SCHOOL, COMMUNITY, ONLINE, WORKPLACE, INSTITUTION, OTHER, UNKNOWN

}
