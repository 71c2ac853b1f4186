package vn.trean.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system's notion of now. Every module takes an injected {@link Clock} so tests can
 * move time; dates are Vietnamese local dates (docs/domain.md: timezone
 * Asia/Ho_Chi_Minh).
 */
@Configuration(proxyBeanMethods = false)
public class Time {

	/** The time zone every date in the system is read in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
