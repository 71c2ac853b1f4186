package vn.trean.children;

/** A child's sex as recorded. */
public enum Sex {

	FEMALE, MALE, UNKNOWN

}
