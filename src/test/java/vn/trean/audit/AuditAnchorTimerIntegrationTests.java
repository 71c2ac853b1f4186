package vn.trean.audit;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor timer runs on one instance of the cluster at a time: while another instance
 * holds its lock row, this one skips its turn; once the lock is released, its turn writes
 * the anchor that is due.
 */
@IntegrationTest
class AuditAnchorTimerIntegrationTests {

	@Autowired
	AuditAnchors anchors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void release() {
		jdbc.sql("DELETE FROM shedlock WHERE name = 'audit_anchor' AND locked_by = 'another-instance'").update();
		clock.reset();
	}

	@Test
	void skipsItsTurnWhileAnotherInstanceHoldsTheLockAndAnchorsOnceItIsReleased() {
		clock.travelBy(Duration.ofDays(1));
		jdbc.sql("""
				INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
				VALUES ('audit_anchor', now() + interval '1 hour', now(), 'another-instance')
				ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_by = EXCLUDED.locked_by""")
			.update();
		long before = anchorsStored();

		anchors.onTimer();

		assertThat(anchorsStored()).as("another instance's turn").isEqualTo(before);
		jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'audit_anchor'").update();

		anchors.onTimer();

		assertThat(anchorsStored()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT lock_until <= now() FROM shedlock WHERE name = 'audit_anchor'")
			.query(Boolean.class)
			.single()).as("released after the run").isTrue();
	}

	private long anchorsStored() {
		return jdbc.sql("SELECT count(*) FROM audit_anchor").query(Long.class).single();
	}

}
