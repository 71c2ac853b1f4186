package vn.trean.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forwarding headers are believed only from a trusted proxy (the tests trust 127.0.0.1,
 * see IntegrationTest; ::1 is any other peer), and no redirect names a host taken from
 * the request.
 */
@IntegrationTest
class ForwardingHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAuditLogRecordsThePeerWhenItIsNoTrustedProxy() {
		String username = "nobody-" + UUID.randomUUID();
		TestUserAgent spoofing = new TestUserAgent("http://[::1]:" + port).forwardedFor("203.0.113.77");
		spoofing.get("/login");

		spoofing.post("/login", Map.of("username", username, "password", "wrong-password-here"));

		assertThat(auditedAddresses(username)).containsExactly("0:0:0:0:0:0:0:1");
	}

	@Test
	void theAuditLogRecordsTheClientATrustedProxyNames() {
		String username = "nobody-" + UUID.randomUUID();
		TestUserAgent proxied = new TestUserAgent(port).forwardedFor("203.0.113.78");
		proxied.get("/login");

		proxied.post("/login", Map.of("username", username, "password", "wrong-password-here"));

		assertThat(auditedAddresses(username)).containsExactly("203.0.113.78");
	}

	@Test
	void aForeignHostHeaderNeverReachesTheLoginRedirect() throws IOException {
		for (String peer : List.of("127.0.0.1", "::1")) {
			String answer = raw(peer, "GET /cases HTTP/1.1\r\nHost: evil.example\r\n"
					+ "X-Forwarded-Host: other.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");

			assertThat(answer).as("from %s", peer).startsWith("HTTP/1.1 302");
			assertThat(location(answer)).as("from %s", peer).isEqualTo("/login");
		}
	}

	@Test
	void aForwardedHostFromATrustedProxyNeverReachesTheRedirectsAfterSignInAndSignOut() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = new TestUserAgent(port);
		var refused = agent.get("/cases/all?page=0", Map.of("X-Forwarded-Host", "evil.example"));
		assertThat(refused.location()).isEqualTo("/login");

		var signedIn = agent.signIn(user);

		assertThat(signedIn.location()).isEqualTo("/cases/all?page=0&continue");
		agent.get("/");
		var signedOut = agent.post("/logout", Map.of());
		assertThat(signedOut.location()).isEqualTo("/login?logout");
	}

	private List<String> auditedAddresses(String actor) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT client_address FROM audit_entry WHERE actor = ?")
				.param(actor)
				.query(String.class)
				.list(), list -> !list.isEmpty());
	}

	private String raw(String peer, String request) throws IOException {
		try (Socket socket = new Socket(peer, port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static String location(String answer) {
		return answer.lines()
			.filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
			.map(line -> line.substring(9).strip())
			.findFirst()
			.orElse(null);
	}

}
