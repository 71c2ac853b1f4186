package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake's limits in fixed windows: public-form reports and status look-ups per client
 * address, look-ups of matching children per user (so that an account cannot sweep the
 * registry by number or name). The counters live in PostgreSQL so the limits hold across
 * application instances; each count runs in a transaction of its own, so a refused
 * request still counts.
 */
@Component
class RateLimits {

	/**
	 * Longer than any window: counters older than this are gone whatever their window.
	 */
	private static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final IntakeSettings settings;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** Counts one public-form report; false when the client is over the limit. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryAcquire(String clientAddress) {
		return count("public-report:" + address(clientAddress), settings.publicFormLimit(),
				settings.publicFormWindow());
	}

	/**
	 * Counts one status look-up by reference code; false when the client is over the
	 * limit.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryLookUpStatus(String clientAddress) {
		return count("report-status:" + address(clientAddress), settings.statusLookupLimit(),
				settings.publicFormWindow());
	}

	/** Counts one look-up of matching children; false when the user is over the limit. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryLookUpChildren(long userId) {
		return count("child-matches:" + userId, settings.matchLookupLimit(), settings.matchLookupWindow());
	}

	private boolean count(String bucket, int limit, Duration window) {
		long windowMillis = window.toMillis();
		Instant now = clock.instant();
		Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % windowMillis);
		int hits = jdbc.sql("""
				INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES (:bucket, :start, 1)
				ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
				RETURNING hits""")
			.param("bucket", bucket)
			.param("start", Timestamp.from(windowStart))
			.query(Integer.class)
			.single();
		jdbc.sql(
				"DELETE FROM rate_limit_window WHERE (bucket = :bucket AND window_start < :start) OR window_start < :old")
			.param("bucket", bucket)
			.param("start", Timestamp.from(windowStart))
			.param("old", Timestamp.from(windowStart.minus(KEPT)))
			.update();
		return hits <= limit;
	}

	private static String address(String clientAddress) {
		return clientAddress == null ? "?" : clientAddress;
	}

}
