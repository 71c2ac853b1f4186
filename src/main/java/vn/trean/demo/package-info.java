/**
 * Demo data, loaded only with the {@code demo} profile (the one-command start): labelled
 * demo agencies, one demo account per role and two demo reports. Production never runs
 * it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory", "intake", "children" })
package vn.trean.demo;
