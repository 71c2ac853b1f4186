/**
 * Demo data for the one-command start: labelled demo agencies, one demo account per role
 * (a focal point and a head for each of Cái Khế's school, health station and police), two
 * demo reports, Cái Khế's demo case past verification with consents and three referrals
 * in three states, children in special circumstances, and the child population of the
 * city, Cái Khế and Ninh Kiều for the years a plan covers.
 * <p>
 * Invariants: it is loaded only with the {@code demo} profile, so production never runs
 * it; every record it makes is named "[DEMO]", and flagged {@code demo} where the module
 * storing it takes the flag (agencies, accounts, the case, referrals to a demo agency,
 * special circumstances and reference denominators).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography", "identity", "directory",
		"intake", "children", "cases", "referrals", "plans" })
package vn.trean.demo;
