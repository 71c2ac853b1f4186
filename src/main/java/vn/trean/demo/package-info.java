/**
 * Demo data, loaded only with the {@code demo} profile (the one-command start): labelled
 * demo agencies and one demo account per role. Production never runs it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory" })
package vn.trean.demo;
