package vn.trean.audit;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An audit log on a connection and chain keys of the test's own, wired as the application
 * wires its own.
 */
final class TestAuditLogs {

	private TestAuditLogs() {
	}

	static AuditLog on(JdbcClient jdbc, Clock clock, ChainKeys keys) {
		return new AuditLog(jdbc, clock, new ChainWriter(jdbc, keys), new ChainVerifier(jdbc, keys));
	}

}
