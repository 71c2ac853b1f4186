package vn.trean;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Administration of user accounts through the pages: limited to the administrator's
 * jurisdiction, the password policy, second-factor reset and role changes in the audit
 * log.
 */
@IntegrationTest
class UserAdministrationIntegrationTests {

	private static final String STRONG_PASSWORD = "Sông-Hậu-chảy-mãi-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	private long caiKhe;

	private long ninhKieu;

	@BeforeEach
	void units() {
		caiKhe = testUnits.caiKhe().value();
		ninhKieu = testUnits.ninhKieu().value();
	}

	@Test
	void communeAdministratorCreatesAUserInTheirWard() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		admin.get("/admin/users/new");
		String username = uniqueUsername("can-bo-moi");

		var created = admin.post("/admin/users", newUser(username, caiKhe, STRONG_PASSWORD));

		assertThat(created.status()).isEqualTo(302);
		long id = userId(username);
		assertThat(created.location()).endsWith("/admin/users/" + id);
		assertThat(jdbc.sql("SELECT jurisdiction_id FROM app_user WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(caiKhe);
		assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE user_id = ?").param(id).query(String.class).list())
			.containsExactly("COMMUNE_OFFICER");
	}

	@Test
	void communeAdministratorMayNotCreateAUserInAnotherWard() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		admin.get("/admin/users/new");
		String username = uniqueUsername("ngoai-dia-ban");

		var refused = admin.post("/admin/users", newUser(username, ninhKieu, STRONG_PASSWORD));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Bản ghi này nằm ngoài địa bàn của bạn.");
		assertThat(countUsers(username)).isZero();
	}

	@Test
	void aUserOfAnotherWardIsOutOfReachOfTheCommuneAdministratorButNotOfTheCityAdministrator() {
		String ninhKieuOfficer = testAccounts.create(Role.COMMUNE_OFFICER, "31135");
		String caiKheOfficer = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		long id = userId(ninhKieuOfficer);
		TestUserAgent communeAdmin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		TestUserAgent cityAdmin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92"));

		assertThat(communeAdmin.get("/admin/users/" + id).status()).isEqualTo(403);
		var open = cityAdmin.get("/admin/users/" + id);
		assertThat(open.status()).isEqualTo(200);
		assertThat(Jsoup.parse(open.body()).getElementById("username").val()).isEqualTo(ninhKieuOfficer);

		// every page of the commune administrator's list, however many accounts other
		// tests made: the own ward's officer is listed, the other ward's never
		StringBuilder pages = new StringBuilder();
		for (int page = 0; page < 100; page++) {
			var list = communeAdmin.get("/admin/users?page=" + page);
			assertThat(list.status()).isEqualTo(200);
			pages.append(list.body());
			if (!list.body().contains("/admin/users?page=" + (page + 1))) {
				break;
			}
		}
		assertThat(pages.toString()).contains(caiKheOfficer).doesNotContain(ninhKieuOfficer);
	}

	@Test
	void commonPasswordIsRefusedWithTheTranslatedMessage() {
		assertPasswordRefused("password1234", "Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.");
	}

	@Test
	void passwordShorterThanTwelveCharactersIsRefusedWithTheTranslatedMessage() {
		assertPasswordRefused("Ngắn-1-mK", "Mật khẩu phải dài ít nhất 12 ký tự.");
	}

	@Test
	void resettingTheSecondFactorClearsItAndIsAuditedWithTheAdministratorsName() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		long id = userId(user);
		assertThat(totpSecret(id)).isNotNull();
		String adminName = testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120");
		TestUserAgent admin = signedIn(adminName);
		TestUserAgent holder = signedIn(user);
		assertThat(holder.get("/").status()).isEqualTo(200);
		admin.get("/admin/users/" + id);

		var withoutPassword = admin.post("/admin/users/" + id + "/second-factor/reset", Map.of());
		assertThat(totpSecret(id)).as("a reset needs a temporary password").isNotNull();
		admin.get("/admin/users/" + id);

		var reset = admin.post("/admin/users/" + id + "/second-factor/reset", Map.of("password", STRONG_PASSWORD));

		assertThat(withoutPassword.status()).isEqualTo(302);
		assertThat(reset.status()).isEqualTo(302);
		assertThat(totpSecret(id)).isNull();
		assertThat(holder.get("/").status()).as("whoever was signed in is signed out").isEqualTo(302);
		assertThat(new TestUserAgent(port).signIn(user).location()).as("the old password no longer signs in")
			.endsWith("/login?error=credentials");
		TestUserAgent owner = new TestUserAgent(port);
		owner.get("/login");
		assertThat(owner.post("/login", Map.of("username", user, "password", STRONG_PASSWORD)).location())
			.endsWith("/account/password");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc
				.sql("SELECT actor FROM audit_entry WHERE action = 'SECOND_FACTOR_RESET' AND target_type = 'USER' "
						+ "AND target_id = ?")
				.param(Long.toString(id))
				.query(String.class)
				.list()).containsExactly(adminName));
	}

	@Test
	void roleChangeIsAuditedWithTheChange() {
		String user = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		long id = userId(user);
		String adminName = testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120");
		TestUserAgent admin = signedIn(adminName);
		admin.get("/admin/users/" + id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("displayName", "Người được đổi vai trò");
		form.put("jurisdiction", Long.toString(caiKhe));
		form.put("roles", "COMMUNE_CHAIR");
		form.put("enabled", "true");

		var saved = admin.post("/admin/users/" + id, form);

		assertThat(saved.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT role FROM app_user_role WHERE user_id = ?").param(id).query(String.class).list())
			.containsExactly("COMMUNE_CHAIR");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var entries = jdbc
				.sql("SELECT actor, detail FROM audit_entry WHERE action = 'USER_UPDATED' AND target_id = ?")
				.param(Long.toString(id))
				.query((rs, n) -> rs.getString("actor") + "|" + rs.getString("detail"))
				.list();
			assertThat(entries).containsExactly(adminName + "|roles [COMMUNE_OFFICER] -> [COMMUNE_CHAIR]");
		});
	}

	@Test
	void unknownRoleOrMalformedJurisdictionIsRefusedNextToTheFieldAndSavesNothing() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		admin.get("/admin/users/new");
		String username = uniqueUsername("vai-tro-la");
		Map<String, String> form = newUser(username, caiKhe, STRONG_PASSWORD);
		form.put("roles", "NOT_A_ROLE");

		var refused = admin.post("/admin/users", form);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).getElementById("roles-error")).isNotNull();
		form.put("roles", "COMMUNE_OFFICER");
		form.put("jurisdiction", "abc");
		var malformed = admin.post("/admin/users", form);
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(Jsoup.parse(malformed.body()).getElementById("jurisdiction-error")).isNotNull();
		assertThat(countUsers(username)).isZero();
	}

	@Test
	void aRefusedNewAccountIsShownAgainAsTypedWithoutThePassword() {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		admin.get("/admin/users/new");
		String username = uniqueUsername("nhap-lai");
		Map<String, String> form = newUser(username, caiKhe, "password1234");
		form.put("displayName", "Cán bộ gõ lại");
		form.put("email", "can.bo@example.vn");

		var refused = admin.post("/admin/users", form);

		assertThat(refused.status()).isEqualTo(422);
		var page = Jsoup.parse(refused.body());
		assertThat(page.getElementById("username").val()).isEqualTo(username);
		assertThat(page.getElementById("displayName").val()).isEqualTo("Cán bộ gõ lại");
		assertThat(page.getElementById("email").val()).isEqualTo("can.bo@example.vn");
		assertThat(page.select("#jurisdiction option[selected]").val()).isEqualTo(Long.toString(caiKhe));
		assertThat(page.getElementById("role-COMMUNE_OFFICER").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("password").val()).isEmpty();
		assertThat(page.select("main form").first().attr("action")).endsWith("/admin/users");
	}

	private void assertPasswordRefused(String password, String message) {
		TestUserAgent admin = signedIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "31120"));
		admin.get("/admin/users/new");
		String username = uniqueUsername("mat-khau-yeu");

		var refused = admin.post("/admin/users", newUser(username, caiKhe, password));

		assertThat(refused.status()).isEqualTo(422);
		Element error = Jsoup.parse(refused.body()).getElementById("password-error");
		assertThat(error).isNotNull();
		assertThat(error.text()).isEqualTo(message);
		assertThat(refused.body()).doesNotContain(password);
		assertThat(countUsers(username)).isZero();
	}

	private static Map<String, String> newUser(String username, long jurisdiction, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", "Cán bộ kiểm thử");
		form.put("jurisdiction", Long.toString(jurisdiction));
		form.put("roles", "COMMUNE_OFFICER");
		form.put("password", password);
		return form;
	}

	private static String uniqueUsername(String prefix) {
		return prefix + "." + System.nanoTime() % 100_000_000;
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	private long countUsers(String username) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	private String totpSecret(long id) {
		var secrets = jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ?").param(id).query(String.class).list();
		assertThat(secrets).hasSize(1);
		return secrets.get(0);
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		var done = agent.signIn(username);
		assertThat(done.location()).as("sign-in of %s", username).endsWith("/");
		return agent;
	}

}
