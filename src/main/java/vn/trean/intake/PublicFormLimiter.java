package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits public-form reports, and status look-ups by reference code, per client address
 * in fixed windows. The counters live in PostgreSQL so the limits hold across application
 * instances.
 */
@Component
class PublicFormLimiter {

	private final JdbcClient jdbc;

	private final IntakeSettings settings;

	private final Clock clock;

	PublicFormLimiter(JdbcClient jdbc, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one report sent; false when the client is over the limit for the current
	 * window.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryAcquire(String clientAddress) {
		return count("public-report:", clientAddress, settings.publicFormLimit());
	}

	/** Counts one status look-up; false when the client is over the limit. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryLookUpStatus(String clientAddress) {
		return count("report-status:", clientAddress, settings.statusLookupLimit());
	}

	private boolean count(String bucket, String clientAddress, int limit) {
		long windowMillis = settings.publicFormWindow().toMillis();
		Instant now = clock.instant();
		Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % windowMillis);
		int hits = jdbc.sql("""
				INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES (:bucket, :start, 1)
				ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
				RETURNING hits""")
			.param("bucket", bucket + (clientAddress == null ? "?" : clientAddress))
			.param("start", Timestamp.from(windowStart))
			.query(Integer.class)
			.single();
		jdbc.sql("DELETE FROM rate_limit_window WHERE window_start < :old")
			.param("old", Timestamp.from(windowStart.minus(settings.publicFormWindow())))
			.update();
		return hits <= limit;
	}

}
