package vn.trean;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Passwords and API tokens never reach the application's log output. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void passwordsAndBearerTokensAreNotLogged(CapturedOutput output) {
		String marker = "log-capture-check-" + UUID.randomUUID();
		LoggerFactory.getLogger(SecretsStayOutOfLogsTests.class).warn(marker);
		String wrongPassword = "Mat-khau-SAI-" + UUID.randomUUID();
		String invalidToken = "trean_khoaGIA" + UUID.randomUUID().toString().replace("-", "");
		String username = testAccounts.create(Role.COMMUNE_OFFICER, "31120");

		TestUserAgent failing = new TestUserAgent(port);
		failing.get("/login");
		var failed = failing.post("/login", Map.of("username", username, "password", wrongPassword));
		var signedIn = new TestUserAgent(port).signIn(username);
		var api = new TestUserAgent(port).get("/api/v1/units/by-code/31120",
				Map.of("Authorization", "Bearer " + invalidToken));

		assertThat(failed.location()).endsWith("/login?error=credentials");
		assertThat(signedIn.location()).endsWith("/");
		assertThat(api.status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'LOGIN_SUCCEEDED'")
				.param(username)
				.query(Long.class)
				.single() == 1);
		assertThat(output).as("the capture sees the application's log").contains(marker);
		assertThat(output).doesNotContain(wrongPassword)
			.doesNotContain(TestAccounts.PASSWORD)
			.doesNotContain(invalidToken)
			.doesNotContain(invalidToken.substring("trean_".length()));
	}

}
