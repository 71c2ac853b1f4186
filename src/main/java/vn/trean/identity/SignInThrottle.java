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
				  WHERE last_failure_at < :forget AND client_address <> :address FOR UPDATE SKIP LOCKED)""")
			.param("forget", forgetBefore)
			.param("address", key(clientAddress))
			.update();
		// a row last touched before the memory counts afresh (its own cleanup is here)
		jdbc.sql("""
				INSERT INTO sign_in_throttle AS t (client_address, failures, last_failure_at) VALUES (:address, 1, :now)
				ON CONFLICT (client_address) DO UPDATE SET
				  failures = CASE WHEN t.last_failure_at < :forget THEN 1 ELSE t.failures + 1 END,
				  last_failure_at = :now,
				  blocked_until = CASE WHEN t.last_failure_at >= :forget AND t.failures + 1 > :free
				    THEN CAST(:now AS timestamptz) + make_interval(secs =>
				      LEAST(power(2, LEAST(t.failures - :free, 30)), :max)) END""")
			.param("forget", forgetBefore)
			.param("address", key(clientAddress))
			.param("now", Timestamp.from(now))
			.param("free", settings.addressFreeFailures())
			.param("max", (double) settings.addressMaxDelay().toSeconds())
			.update();
	}

	/**
	 * The address the delay counts against: an IPv4 address itself, an IPv6 address by
	 * its /64 network (one subscriber usually holds a whole /64, so counting single
	 * addresses would give an attacker billions of fresh ones).
	 */
	static String key(String clientAddress) {
		if (clientAddress == null || clientAddress.isBlank()) {
			return "unknown";
		}
		if (clientAddress.indexOf(':') >= 0) {
			try {
				byte[] bytes = java.net.InetAddress.getByName(clientAddress).getAddress();
				if (bytes.length == 16) {
					java.util.HexFormat hex = java.util.HexFormat.of();
					StringBuilder network = new StringBuilder();
					for (int i = 0; i < 8; i += 2) {
						network.append(hex.toHexDigits(bytes[i])).append(hex.toHexDigits(bytes[i + 1])).append(':');
					}
					return network.append(":/64").toString();
				}
			}
			catch (java.net.UnknownHostException ex) {
				// not an address literal: counted as given
			}
		}
		return clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
	}

}
