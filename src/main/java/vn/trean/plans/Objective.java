package vn.trean.plans;

/** One objective of a plan, in the plan's own words. */
record Objective(long id, int ordinal, String text) {
}
