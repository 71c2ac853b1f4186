package vn.trean.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	@Test
	void countsAnIpv6ClientByItsSlash64NetworkSoFreshAddressesDoNotEscapeTheDelay() {
		assertThat(SignInThrottle.key("2001:db8:1:2:3:4:5:6")).isEqualTo(SignInThrottle.key("2001:db8:1:2:ffff::1"))
			.isEqualTo("2001:0db8:0001:0002::/64");
		assertThat(SignInThrottle.key("2001:db8:1:3::1")).isNotEqualTo(SignInThrottle.key("2001:db8:1:2::1"));
	}

	@Test
	void countsAnIpv4ClientByItsOwnAddress() {
		assertThat(SignInThrottle.key("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(SignInThrottle.key(null)).isEqualTo("unknown");
	}

}
