/**
 * Demo data for the one-command start: labelled demo agencies, one demo account per role
 * and two demo reports.
 * <p>
 * Invariants: it is loaded only with the {@code demo} profile, so production never runs
 * it; every record it makes is flagged {@code demo} and named "[DEMO]".
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory", "intake", "children" })
package vn.trean.demo;
