package vn.trean.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locks of the sign-in as an attacker meets them: one who has the password and
 * guesses codes in many sessions, one who has only the password, and a stranger who types
 * wrong passwords to keep the owner out or to learn which accounts exist.
 */
@IntegrationTest
class SignInLocksIntegrationTests {

	private static final Pattern LOGIN_ERROR = Pattern.compile("<div[^>]*id=\"login-error\"[^>]*>(.*?)</div>",
			Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecondFactorIsRefusedWhileLockedEvenTheRightCodeInASessionOpenedBeforeTheLock() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		List<TestUserAgent> sessions = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			sessions.add(afterPassword(user, TestAccounts.PASSWORD));
		}
		for (TestUserAgent session : sessions.subList(0, 5)) {
			session.post("/login/second-factor", Map.of("code", wrongCode()));
		}

		TestUserAgent last = sessions.get(5);
		var rightCode = last.post("/login/second-factor", Map.of("code", currentCode()));

		assertThat(rightCode.location()).endsWith("/login?error=locked");
		assertThat(last.get("/").location()).endsWith("/login");
		assertThat(secondFactorLockedUntil(user)).isAfter(Instant.now().plusSeconds(14 * 60));
		assertThat(auditCount(user, "LOGIN_SUCCEEDED")).isZero();
	}

	@Test
	void wrongCodesSentAtOnceFromManySessionsAreCheckedNoMoreOftenThanTheLimit() throws Exception {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		List<TestUserAgent> sessions = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			sessions.add(afterPassword(user, TestAccounts.PASSWORD));
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Callable<TestUserAgent.Response>> guesses = sessions
				.stream().<Callable<TestUserAgent
						.Response>>map(s -> () -> s.post("/login/second-factor", Map.of("code", wrongCode())))
				.toList();
			for (Future<TestUserAgent.Response> answer : pool.invokeAll(guesses)) {
				assertThat(answer.get().status()).isIn(302, 422);
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(auditDetails(user, "LOGIN_FAILED")).filteredOn("second-factor-wrong"::equals).hasSize(5);
		assertThat(auditDetails(user, "LOGIN_FAILED")).filteredOn("locked"::equals).hasSize(7);
		assertThat(secondFactorLockedUntil(user)).isAfter(Instant.now());
	}

	@Test
	void aSessionPastTheSecondFactorCannotCompleteOnceAnotherSessionLockedIt() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String hashBefore = passwordHash(user);
		jdbc.sql("UPDATE app_user SET password_change_required = TRUE WHERE username = :u").param("u", user).update();
		TestUserAgent owner = afterPassword(user, TestAccounts.PASSWORD);
		assertThat(owner.post("/login/second-factor", Map.of("code", currentCode())).location())
			.endsWith("/account/password");
		TestUserAgent guesser = afterPassword(user, TestAccounts.PASSWORD);
		for (int i = 0; i < 5; i++) {
			guesser.post("/login/second-factor", Map.of("code", wrongCode()));
		}

		var change = owner.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				"Mat-khau-moi-cua-ke-la-2026", "confirmPassword", "Mat-khau-moi-cua-ke-la-2026"));

		assertThat(change.location()).endsWith("/login?error=locked");
		assertThat(passwordHash(user)).isEqualTo(hashBefore);
		assertThat(secondFactorLockedUntil(user)).isAfter(Instant.now());
	}

	@Test
	void eachSecondFactorLockInARowLastsTwiceAsLongAsTheOneBefore() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		lockSecondFactor(user);
		Instant first = secondFactorLockedUntil(user);
		jdbc.sql("UPDATE app_user SET second_factor_locked_until = now() - interval '1 second' WHERE username = :u")
			.param("u", user)
			.update();

		lockSecondFactor(user);

		Instant second = secondFactorLockedUntil(user);
		assertThat(Duration.between(Instant.now(), first)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
		assertThat(Duration.between(Instant.now(), second)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
	}

	@Test
	void thePasswordAloneCannotChangeThePasswordNorReachAnyPageButTheSecondFactor() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String hashBefore = passwordHash(user);
		TestUserAgent phisher = afterPassword(user, TestAccounts.PASSWORD);

		var change = phisher.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				"Mat-khau-cua-ke-gian-2026", "confirmPassword", "Mat-khau-cua-ke-gian-2026"));
		var enrol = phisher.post("/account/second-factor/enrol", Map.of("code", "123456"));

		assertThat(change.status()).isEqualTo(302);
		assertThat(change.location()).endsWith("/login/second-factor");
		assertThat(enrol.location()).endsWith("/login/second-factor");
		assertThat(phisher.get("/account/password").location()).endsWith("/login/second-factor");
		assertThat(phisher.get("/account/second-factor/enrol").location()).endsWith("/login/second-factor");
		assertThat(passwordHash(user)).isEqualTo(hashBefore);
		assertThat(new TestUserAgent(port).signIn(user).location()).endsWith("/");
	}

	@Test
	void aLockedAccountIsAnsweredExactlyLikeAnUnknownOne() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent stranger = new TestUserAgent(port);
		for (int i = 1; i <= 5; i++) {
			afterPasswordAnswer(stranger, user, "Sai-mat-khau-lan-" + i);
		}
		assertThat(jdbc.sql("SELECT locked_until FROM app_user WHERE username = :u")
			.param("u", user)
			.query(Timestamp.class)
			.single()).isNotNull();

		var locked = afterPasswordAnswer(new TestUserAgent(port), user, "Sai-mat-khau-lan-6");
		var unknown = afterPasswordAnswer(new TestUserAgent(port), "khong.co.tai.khoan.nay", "Sai-mat-khau-lan-6");

		assertThat(locked.location()).isEqualTo(unknown.location()).endsWith("/login?error=credentials");
		assertThat(loginError(new TestUserAgent(port).get(locked.location().replaceFirst("^https?://[^/]+", ""))))
			.isEqualTo(loginError(new TestUserAgent(port).get(unknown.location().replaceFirst("^https?://[^/]+", ""))))
			.contains("Tên đăng nhập hoặc mật khẩu không đúng.")
			.contains("hãy nhập mật khẩu cùng mã xác thực hai lớp của chính bạn");
	}

	@Test
	void duringAPasswordLockTheRightPasswordAloneRevealsNothingAndOnlyWithTheOwnersCodeLiftsTheLock() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent stranger = new TestUserAgent(port);
		for (int i = 1; i <= 5; i++) {
			afterPasswordAnswer(stranger, user, "Sai-mat-khau-lan-" + i);
		}
		TestUserAgent owner = new TestUserAgent(port);

		var wrongPassword = afterPasswordAnswer(owner, user, "Sai-mat-khau-lan-7");
		var passwordAlone = afterPasswordAnswer(owner, user, TestAccounts.PASSWORD);
		var wrongCode = withCode(owner, user, TestAccounts.PASSWORD, wrongCode());
		var wrongPasswordRightCode = withCode(owner, user, "Sai-mat-khau-lan-6", currentCode());
		assertThat(owner.get("/login?error=credentials").body()).contains("id=\"code\"");
		var both = withCode(owner, user, TestAccounts.PASSWORD, currentCode());

		assertThat(passwordAlone.location()).endsWith("/login?error=credentials");
		// not even a new session tells the right password from a wrong one
		assertThat(passwordAlone.headers().allValues("Set-Cookie"))
			.isEqualTo(wrongPassword.headers().allValues("Set-Cookie"))
			.isEmpty();
		assertThat(wrongCode.location()).endsWith("/login?error=credentials");
		assertThat(wrongPasswordRightCode.location()).endsWith("/login?error=credentials");
		assertThat(both.location()).endsWith("/");
		assertThat(owner.get("/").status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT locked_until IS NULL AND failed_attempts = 0 FROM app_user WHERE username = :u")
			.param("u", user)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(auditDetails(user, "LOGIN_FAILED")).filteredOn("second-factor-wrong"::equals).hasSize(1);
	}

	@Test
	void thePasswordAndTheCodeGivenTogetherSignInAtOnce() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent owner = new TestUserAgent(port);

		var signedIn = withCode(owner, user, TestAccounts.PASSWORD, currentCode());

		assertThat(signedIn.location()).endsWith("/");
		assertThat(owner.get("/").status()).isEqualTo(200);
	}

	@Test
	void anAddressThatKeepsFailingMustWaitLongerEachTimeAndIsNotEvenCheckedMeanwhile() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		String address = TestUserAgent.newClientAddress();
		TestUserAgent stranger = new TestUserAgent(port).forwardedFor(address);
		for (int i = 1; i <= 10; i++) {
			assertThat(afterPasswordAnswer(stranger, "khong.co." + i, "Sai-mat-khau").location())
				.endsWith("/login?error=credentials");
		}
		assertThat(blockedFor(address)).isNull();
		afterPasswordAnswer(stranger, "khong.co.11", "Sai-mat-khau");
		Duration first = blockedFor(address);
		jdbc.sql("UPDATE sign_in_throttle SET blocked_until = now() + interval '1 minute' WHERE client_address = :a")
			.param("a", address)
			.update();

		var rightPassword = afterPasswordAnswer(new TestUserAgent(port).forwardedFor(address), user,
				TestAccounts.PASSWORD);
		var elsewhere = new TestUserAgent(port).signIn(user);
		jdbc.sql("UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE client_address = :a")
			.param("a", address)
			.update();
		afterPasswordAnswer(stranger, "khong.co.12", "Sai-mat-khau");
		Duration second = blockedFor(address);

		assertThat(first).isBetween(Duration.ZERO, Duration.ofSeconds(1));
		assertThat(second).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(rightPassword.location()).endsWith("/login?error=wait");
		assertThat(elsewhere.location()).endsWith("/");
		assertThat(auditDetails("khong.co.11", "LOGIN_FAILED")).containsExactly("credentials");
		assertThat(loginError(stranger.get("/login?error=wait")))
			.contains("Quá nhiều lần đăng nhập sai từ địa chỉ này");
	}

	private TestUserAgent afterPassword(String user, String password) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(afterPasswordAnswer(agent, user, password).location()).endsWith("/login/second-factor");
		agent.get("/login/second-factor");
		return agent;
	}

	private static TestUserAgent.Response afterPasswordAnswer(TestUserAgent agent, String user, String password) {
		agent.get("/login");
		return agent.post("/login", Map.of("username", user, "password", password));
	}

	private static TestUserAgent.Response withCode(TestUserAgent agent, String user, String password, String code) {
		agent.get("/login");
		return agent.post("/login", Map.of("username", user, "password", password, "code", code));
	}

	private void lockSecondFactor(String user) {
		TestUserAgent guesser = afterPassword(user, TestAccounts.PASSWORD);
		for (int i = 0; i < 4; i++) {
			assertThat(guesser.post("/login/second-factor", Map.of("code", wrongCode())).status()).isEqualTo(422);
		}
		assertThat(guesser.post("/login/second-factor", Map.of("code", wrongCode())).location())
			.endsWith("/login?error=locked");
	}

	private static String loginError(TestUserAgent.Response page) {
		Matcher m = LOGIN_ERROR.matcher(page.body());
		assertThat(m.find()).as("login error on the page").isTrue();
		return m.group(1).replaceAll("\\s+", " ");
	}

	private static String currentCode() {
		return TestUserAgent.totp(TestAccounts.TOTP_SECRET, Instant.now());
	}

	private static String wrongCode() {
		Instant now = Instant.now();
		for (String candidate : List.of("000000", "111111", "222222", "333333")) {
			if (!candidate.equals(TestUserAgent.totp(TestAccounts.TOTP_SECRET, now))
					&& !candidate.equals(TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.minusSeconds(30)))
					&& !candidate.equals(TestUserAgent.totp(TestAccounts.TOTP_SECRET, now.plusSeconds(30)))) {
				return candidate;
			}
		}
		throw new IllegalStateException("no wrong code");
	}

	private Instant secondFactorLockedUntil(String user) {
		Timestamp until = jdbc.sql("SELECT second_factor_locked_until FROM app_user WHERE username = :u")
			.param("u", user)
			.query(Timestamp.class)
			.single();
		return until == null ? Instant.EPOCH : until.toInstant();
	}

	private Duration blockedFor(String address) {
		return jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE client_address = :a")
			.param("a", address)
			.query(Timestamp.class)
			.optional()
			.map(until -> Duration.between(Instant.now(), until.toInstant()))
			.orElse(null);
	}

	private String passwordHash(String user) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", user)
			.query(String.class)
			.single();
	}

	private long auditCount(String user, String action) {
		return auditDetails(user, action).size();
	}

	private List<String> auditDetails(String user, String action) {
		return jdbc.sql("SELECT coalesce(detail, '') FROM audit_entry WHERE actor = :u AND action = :a ORDER BY id")
			.param("u", user)
			.param("a", action)
			.query(String.class)
			.list();
	}

}
