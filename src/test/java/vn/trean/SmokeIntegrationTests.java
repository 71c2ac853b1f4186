package vn.trean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo administrator signs in with the second factor and sees Cần Thơ's communes. */
@IntegrationTest
class SmokeIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void demoAdministratorSignsInWithSecondFactorAndBrowsesCommunes() {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn("demo.admin", "TreAn-demo-2026!", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/");
		var provinces = agent.get("/geography");
		assertThat(provinces.status()).isEqualTo(200);
		assertThat(provinces.body()).contains("Thành phố Cần Thơ");
	}

}
