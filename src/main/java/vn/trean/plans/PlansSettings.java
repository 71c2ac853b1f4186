package vn.trean.plans;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Plan settings. The export recovery's interval is
 * {@code trean.plans.export-recovery-interval} (1m) and the cleanup's
 * {@code trean.plans.export-cleanup-interval} (1h), read by their {@code @Scheduled}
 * annotations.
 *
 * @param exportHeartbeatTimeout how long a running export may go without a heartbeat
 * before its worker is taken to have stopped (a worker beats after every indicator, a
 * step of seconds)
 * @param exportMaxAttempts how many times a worker may start an export before an
 * interrupted one is failed
 */
@ConfigurationProperties("trean.plans")
record PlansSettings(@DefaultValue("5m") Duration exportHeartbeatTimeout, @DefaultValue("3") int exportMaxAttempts) {

	PlansSettings {
		if (exportHeartbeatTimeout.isNegative() || exportHeartbeatTimeout.isZero()) {
			throw new IllegalArgumentException("trean.plans.export-heartbeat-timeout must be positive");
		}
		if (exportMaxAttempts < 1) {
			throw new IllegalArgumentException("trean.plans.export-max-attempts must be at least 1");
		}
	}

}
