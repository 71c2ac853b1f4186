package vn.trean.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TrustedProxiesTests {

	@Test
	void noConfiguredProxyTrustsNoPeer() {
		assertThat(TrustedProxies.pattern(List.of())).isNull();
		assertThat(TrustedProxies.pattern(List.of(" "))).isNull();
	}

	@Test
	void aConfiguredProxyIsTrustedByItsExactAddressOnly() {
		String pattern = TrustedProxies.pattern(List.of("10.0.0.5", "::1"));

		assertThat("10.0.0.5").matches(pattern);
		assertThat("0:0:0:0:0:0:0:1").matches(pattern);
		assertThat("10.0.0.50").doesNotMatch(pattern);
		assertThat("10.0.0.15").doesNotMatch(pattern);
		assertThat("127.0.0.1").doesNotMatch(pattern);
	}

	@Test
	void aHostNameIsRefusedAtStart() {
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.pattern(List.of("proxy.example")))
			.withMessageContaining("proxy.example");
	}

}
