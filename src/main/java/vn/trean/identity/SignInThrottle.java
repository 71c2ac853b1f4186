package vn.trean.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The growing delay per client address: after a few free failures (wrong passwords,
 * unknown accounts, wrong codes), every further failure from the same address makes it
 * wait twice as long as the last, up to a limit; the address is forgotten after a quiet
 * while. While it waits, its sign-in attempts are not even checked, so one stranger can
 * neither guess quickly nor keep a real user's account locked. The counts live in
 * PostgreSQL, so every instance applies the same delay.
 */
@Service
class SignInThrottle {

	private final JdbcClient jdbc;

	private final IdentitySettings settings;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, IdentitySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the address must still wait, if it must. */
	@Transactional(readOnly = true)
	Optional<Duration> waitFor(String clientAddress) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE client_address = :address")
			.param("address", key(clientAddress))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter(until -> until.isAfter(now))
			.map(until -> Duration.between(now, until));
	}

	/**
	 * Counts a failure of the address and sets its wait once the free failures are spent.
	 */
	@Transactional
	void failed(String clientAddress) {
		Instant now = clock.instant();
		Timestamp forgetBefore = Timestamp.from(now.minus(settings.addressMemory()));
		// rows another failure holds are left for a later cleanup, so two never wait on
		// each other
		jdbc.sql("""
				DELETE FROM sign_in_throttle WHERE client_address IN (SELECT client_address FROM sign_in_throttle
				  WHERE last_failure_at < :forget FOR UPDATE SKIP LOCKED)""").param("forget", forgetBefore).update();
		jdbc.sql(
				"""
						INSERT INTO sign_in_throttle AS t (client_address, failures, last_failure_at) VALUES (:address, 1, :now)
						ON CONFLICT (client_address) DO UPDATE SET failures = t.failures + 1, last_failure_at = :now,
						  blocked_until = CASE WHEN t.failures + 1 > :free THEN CAST(:now AS timestamptz) + make_interval(secs =>
						    LEAST(power(2, LEAST(t.failures - :free, 30)), :max)) END""")
			.param("address", key(clientAddress))
			.param("now", Timestamp.from(now))
			.param("free", settings.addressFreeFailures())
			.param("max", (double) settings.addressMaxDelay().toSeconds())
			.update();
	}

	private static String key(String clientAddress) {
		if (clientAddress == null || clientAddress.isBlank()) {
			return "unknown";
		}
		return clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
	}

}
