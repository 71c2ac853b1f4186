package vn.trean.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.Geography;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	Accounts accounts;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	private TestUserAgent agent() {
		return new TestUserAgent(port);
	}

	@Test
	void signsInWithPasswordAndSecondFactor() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		var done = agent.signIn(user);
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/");
		assertThat(agent.get("/").body()).contains("Xin chào");
		assertThat(agent.get("/geography").status()).isEqualTo(200);
	}

	@Test
	void refusesAWrongPasswordWithATranslatedMessage() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.get("/login");
		var answer = agent.post("/login", Map.of("username", user, "password", "not-the-password-at-all"));
		assertThat(answer.location()).endsWith("/login?error=credentials");
		assertThat(agent.get("/login?error=credentials").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(agent.get("/login?error=credentials&lang=en").body()).contains("Wrong username or password.");
	}

	@Test
	void grantsNothingBeyondTheSecondFactorPageAfterThePasswordAlone() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.get("/login");
		var afterPassword = agent.post("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		assertThat(afterPassword.location()).endsWith("/login/second-factor");
		var geography = agent.get("/geography");
		assertThat(geography.status()).isEqualTo(302);
		assertThat(geography.location()).endsWith("/login/second-factor");
		assertThat(agent.get("/admin/users").location()).endsWith("/login/second-factor");
	}

	@Test
	void refusesAnExpiredOrWrongCode() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.get("/login");
		agent.post("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		agent.get("/login/second-factor");
		String expired = TestUserAgent.totp(TestAccounts.TOTP_SECRET, Instant.now().minusSeconds(300));
		var answer = agent.post("/login/second-factor", Map.of("code", expired));
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body()).contains("Mã không đúng hoặc đã hết hạn.");
		assertThat(agent.get("/geography").status()).isEqualTo(302);
	}

	@Test
	void refusesASecondUseOfTheSameCode() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String code = TestUserAgent.totp(TestAccounts.TOTP_SECRET, Instant.now());
		TestUserAgent first = agent();
		first.get("/login");
		first.post("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		first.get("/login/second-factor");
		assertThat(first.post("/login/second-factor", Map.of("code", code)).location()).endsWith("/");

		TestUserAgent second = agent();
		second.get("/login");
		second.post("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		second.get("/login/second-factor");
		var replay = second.post("/login/second-factor", Map.of("code", code));
		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.body()).contains("Mã này đã được dùng");
	}

	@Test
	void locksTheAccountAfterFiveWrongCodes() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.get("/login");
		agent.post("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		agent.get("/login/second-factor");
		TestUserAgent.Response last = null;
		for (int i = 0; i < 5; i++) {
			last = agent.post("/login/second-factor",
					Map.of("code", "000000".equals(currentCode()) ? "111111" : "000000"));
		}
		assertThat(last.location()).endsWith("/login?error=locked");
		java.sql.Timestamp lockedUntil = jdbc.sql("SELECT second_factor_locked_until FROM app_user WHERE username = :u")
			.param("u", user)
			.query(java.sql.Timestamp.class)
			.single();
		assertThat(lockedUntil.toInstant()).isBetween(Instant.now().plusSeconds(14 * 60),
				Instant.now().plusSeconds(15 * 60 + 5));
		TestUserAgent again = agent();
		assertThat(again.signIn(user).location()).endsWith("/login?error=credentials");
	}

	private static String currentCode() {
		return TestUserAgent.totp(TestAccounts.TOTP_SECRET, Instant.now());
	}

	@Test
	void firstSignInRequiresANewPasswordThenEnrolmentAndGivesOneTimeRecoveryCodes() {
		String username = "first.signin." + System.nanoTime() % 100000;
		accounts.provision(new Accounts.AccountDetails(username, "Lần đầu", null, testUnits.caiKhe(), null,
				EnumSet.of(Role.COMMUNE_CHAIR), true), TestAccounts.PASSWORD, false, true, null);
		TestUserAgent agent = agent();
		agent.get("/login");
		var afterPassword = agent.post("/login", Map.of("username", username, "password", TestAccounts.PASSWORD));
		assertThat(afterPassword.location()).endsWith("/account/password");
		assertThat(agent.get("/geography").location()).endsWith("/account/password");

		agent.get("/account/password");
		var weak = agent.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				"password1234", "confirmPassword", "password1234"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.body()).contains("Mật khẩu này quá phổ biến");
		String newPassword = "Mat-khau-moi-cua-toi-7";
		var changed = agent.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				newPassword, "confirmPassword", newPassword));
		assertThat(changed.location()).endsWith("/account/second-factor/enrol");

		var enrolPage = agent.get("/account/second-factor/enrol");
		assertThat(enrolPage.body()).contains("<svg");
		Matcher m = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(enrolPage.body());
		assertThat(m.find()).isTrue();
		String secret = m.group(1).replace(" ", "");
		var codes = agent.post("/account/second-factor/enrol",
				Map.of("code", TestUserAgent.totp(secret, Instant.now())));
		assertThat(codes.status()).isEqualTo(200);
		String stored = jdbc.sql("SELECT totp_secret FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
		assertThat(stored).as("the secret is stored encrypted").startsWith("v2:").doesNotContain(secret);
		Matcher codeMatcher = Pattern.compile("<code>([A-Z2-7]{5}-[A-Z2-7]{5})</code>").matcher(codes.body());
		assertThat(codeMatcher.find()).isTrue();
		String recoveryCode = codeMatcher.group(1);
		assertThat(agent.get("/login/continue").location()).endsWith("/");
		assertThat(agent.get("/geography").status()).isEqualTo(200);

		TestUserAgent later = agent();
		assertThat(later.signIn(username, newPassword, "AAAA").status()).isEqualTo(422);
		TestUserAgent withRecovery = agent();
		withRecovery.get("/login");
		withRecovery.post("/login", Map.of("username", username, "password", newPassword));
		withRecovery.get("/login/second-factor");
		assertThat(withRecovery.post("/login/second-factor", Map.of("code", recoveryCode)).location()).endsWith("/");
		TestUserAgent reuse = agent();
		reuse.get("/login");
		reuse.post("/login", Map.of("username", username, "password", newPassword));
		reuse.get("/login/second-factor");
		assertThat(reuse.post("/login/second-factor", Map.of("code", recoveryCode)).status()).isEqualTo(422);
	}

	@Test
	void refusesAPostWithoutCsrfToken() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.get("/login");
		var answer = agent.postRaw("/login", Map.of("username", user, "password", TestAccounts.PASSWORD));
		assertThat(answer.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u")
			.param("u", user)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void sendsTheSecurityHeaders() {
		var page = agent().get("/login");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		var overHttps = agent().get("/login", Map.of("X-Forwarded-Proto", "https"));
		assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void endsIdleSessionsAfterThirtyMinutes() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		agent().signIn(user);
		assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :u")
			.param("u", user)
			.query(Integer.class)
			.list()).isNotEmpty().allMatch(seconds -> seconds == 1800);
	}

	@Test
	void signsOutAndForgetsTheSession() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = agent();
		agent.signIn(user);
		agent.get("/");
		var out = agent.post("/logout", Map.of());
		assertThat(out.location()).endsWith("/login?logout");
		assertThat(agent.get("/geography").status()).isEqualTo(302);
	}

}
