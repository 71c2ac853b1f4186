package vn.trean;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While PostgreSQL refuses the application, pages and the API answer a translated 503
 * within a few seconds, and everything works again once it lets the application back in.
 * The outage is made real: the application's database role may not log in and its
 * connections are ended, from a connection of the test's own opened before.
 */
@IntegrationTest
class DatabaseOutageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void pagesAndTheApiAnswerATranslated503QuicklyWhileTheDatabaseIsUnreachableAndRecoverAfter() throws Exception {
		String role = dataSource.unwrap(HikariDataSource.class).getUsername();
		try (Connection admin = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "postgres");
				Statement sql = admin.createStatement()) {
			TestUserAgent.Response login;
			TestUserAgent.Response english;
			TestUserAgent.Response api;
			Duration took;
			try {
				sql.execute("ALTER ROLE \"" + role + "\" NOLOGIN");
				sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role
						+ "' AND pid <> pg_backend_pid()");
				Instant start = Instant.now();
				login = new TestUserAgent(port).get("/login");
				took = Duration.between(start, Instant.now());
				english = new TestUserAgent(port).get("/login", Map.of("Cookie", "lang=en"));
				api = new TestUserAgent(port)
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
						.header("Authorization", "Bearer trean_khong-co-ma-nay")
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{}")));
			}
			finally {
				restore(sql, role);
			}

			assertThat(login.status()).isEqualTo(503);
			// bounded by the pool's timeouts (3 s, plus 2 s to find a dead connection),
			// not the 30 s default
			assertThat(took).isLessThan(Duration.ofSeconds(15));
			assertThat(login.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(login.body()).contains("Hệ thống tạm thời không phục vụ được").contains("111");
			assertThat(login.body()).contains("<a href=\"tel:111\">111</a>").contains("<a href=\"tel:113\">113</a>");
			assertThat(english.status()).isEqualTo(503);
			assertThat(english.body()).contains("The system is temporarily unavailable");
			assertThat(api.status()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(api.body()).contains("\"status\":503").contains("Hệ thống tạm thời không phục vụ được");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(new TestUserAgent(port).get("/login").status()).isEqualTo(200));
		}
	}

	private static void restore(Statement sql, String role) throws SQLException {
		sql.execute("ALTER ROLE \"" + role + "\" LOGIN");
	}

}
