package vn.trean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.trean.shared.Time;

/**
 * The application's clock in tests: the real time, moved by an offset a test sets and
 * resets. Tests that travel must sign in first (second-factor codes follow the real time
 * in the test agent) and reset in {@code @AfterEach}.
 */
public class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** From now on the application's time is {@code at}, moving on in real time. */
	public void travelTo(Instant at) {
		offset = Duration.between(Instant.now(), at);
	}

	public void travelBy(Duration duration) {
		offset = offset.plus(duration);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return Time.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
