package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits the registry lookups for matching children per user in fixed windows, so that an
 * account cannot sweep the registry by number or name. The counters live in PostgreSQL
 * (the public form's table), so the limit holds across application instances.
 */
@Component
class ChildLookupLimiter {

	private final JdbcClient jdbc;

	private final IntakeSettings settings;

	private final Clock clock;

	ChildLookupLimiter(JdbcClient jdbc, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one lookup; false when the user is over the limit for the current window.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryAcquire(long userId) {
		long windowMillis = settings.matchLookupWindow().toMillis();
		Instant now = clock.instant();
		Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % windowMillis);
		int hits = jdbc.sql("""
				INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES (:bucket, :start, 1)
				ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
				RETURNING hits""")
			.param("bucket", "child-matches:" + userId)
			.param("start", Timestamp.from(windowStart))
			.query(Integer.class)
			.single();
		jdbc.sql("DELETE FROM rate_limit_window WHERE bucket = :bucket AND window_start < :start")
			.param("bucket", "child-matches:" + userId)
			.param("start", Timestamp.from(windowStart))
			.update();
		return hits <= settings.matchLookupLimit();
	}

}
