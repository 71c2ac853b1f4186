package vn.trean;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trean.audit.AuditLog;
import vn.trean.audit.ChainVerification;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit log: sign-in failures and lockouts are recorded with the client's address,
 * the table refuses updates and deletes, and the hash chain names the first row someone
 * with database rights changed.
 */
@IntegrationTest
class AuditIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * The client address of this test's sign-ins, its own so that no other test's
	 * failures slow it down.
	 */
	private final String CLIENT = TestUserAgent.newClientAddress();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void failedLoginIsRecordedWithTheClientAddress() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, "31120");

		var response = login(new TestUserAgent(port), username, "Sai-mat-khau-roi-2026");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).endsWith("/login?error=credentials");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(entries(username, "LOGIN_FAILED"))
				.containsExactly("FAILURE|" + CLIENT + "|credentials"));
	}

	@Test
	void fiveFailuresLockTheAccountAndOnlyTheOwnersSecondFactorLiftsIt() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = new TestUserAgent(port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(login(agent, username, "Sai-mat-khau-lan-" + attempt).location())
				.endsWith("/login?error=credentials");
		}

		var sixth = login(agent, username, TestAccounts.PASSWORD);

		assertThat(sixth.status()).isEqualTo(302);
		assertThat(sixth.location()).endsWith("/login/second-factor");
		assertThat(agent.get("/").location()).endsWith("/login/second-factor");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(entries(username, "LOGIN_FAILED")).hasSize(5)
				.last()
				.isEqualTo("FAILURE|" + CLIENT + "|credentials");
			assertThat(entries(username, "ACCOUNT_LOCKED")).singleElement()
				.satisfies(entry -> assertThat(entry).startsWith("SUCCESS|" + CLIENT + "|locked until "));
		});
		assertThat(entries(username, "LOGIN_SUCCEEDED")).isEmpty();
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void aLockedAccountWithoutASecondFactorRefusesTheRightPasswordLikeAWrongOne() {
		String username = testAccounts.create(Role.PLAN_REPORTER, "31120", null, false);
		TestUserAgent agent = new TestUserAgent(port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			login(agent, username, "Sai-mat-khau-lan-" + attempt);
		}

		var sixth = login(agent, username, TestAccounts.PASSWORD);

		assertThat(sixth.location()).endsWith("/login?error=credentials");
		assertThat(agent.get("/").status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(entries(username, "LOGIN_FAILED")).hasSize(6)
				.last()
				.isEqualTo("FAILURE|" + CLIENT + "|locked"));
		assertThat(entries(username, "LOGIN_SUCCEEDED")).isEmpty();
	}

	@Test
	void entriesJoinTheChainWithTheirTransactionAndVanishWithItsRollback() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String committed = "audit-tx-" + System.nanoTime();
		tx.executeWithoutResult(status -> {
			auditLog.recordAccess(committed, "TEST_RECORD", "1", CLIENT, "Nguyễn Thị Thuỷ, xã Thới Lai");
			auditLog.recordAccess(committed, "TEST_RECORD", null, null, null);
			assertThat(entries(committed, "RECORD_VIEWED")).as("written only when the transaction commits").isEmpty();
		});
		String rolledBack = "audit-rollback-" + System.nanoTime();
		tx.executeWithoutResult(status -> {
			auditLog.recordAccess(rolledBack, "TEST_RECORD", "2", CLIENT, "không được ghi");
			status.setRollbackOnly();
		});

		assertThat(entries(committed, "RECORD_VIEWED"))
			.containsExactly("SUCCESS|" + CLIENT + "|Nguyễn Thị Thuỷ, xã Thới Lai", "SUCCESS|null|null");
		assertThat(entries(rolledBack, "RECORD_VIEWED")).isEmpty();
		assertThat(auditLog.verify().intact()).as("hashes from the database match the Java recomputation").isTrue();
	}

	@Test
	void concurrentTransactionsAppendToSeveralChainsThatEachVerify() throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String actor = "audit-concurrent-" + System.nanoTime();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
			for (int i = 0; i < 160; i++) {
				int n = i;
				writers.add(pool.submit(() -> tx.executeWithoutResult(status -> {
					auditLog.recordAccess(actor, "TEST_FIRST", String.valueOf(n), CLIENT, "lần " + n);
					auditLog.recordAccess(actor, "TEST_SECOND", String.valueOf(n), CLIENT, null);
				})));
			}
			for (var writer : writers) {
				writer.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(entries(actor, "RECORD_VIEWED")).hasSize(320);
		assertThat(jdbc.sql("SELECT count(DISTINCT chain) FROM audit_entry WHERE actor = ?")
			.param(actor)
			.query(Integer.class)
			.single()).as("writers at the same moment take different chains").isGreaterThan(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry a JOIN audit_entry b ON a.actor = b.actor AND a.target_id = b.target_id
				  AND a.target_type = 'TEST_FIRST' AND b.target_type = 'TEST_SECOND'
				WHERE a.actor = ? AND (a.chain <> b.chain OR b.previous_hash <> a.hash)""")
			.param(actor)
			.query(Integer.class)
			.single()).as("one transaction's entries follow each other in one chain").isZero();
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void applicationConnectionCannotUpdateOrDeleteAuditEntries() {
		var newest = jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("hash")))
			.single();

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit_entry SET detail = 'đã sửa' WHERE id = ?").param(newest.getKey()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(newest.getKey()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("audit_entry is append-only");

		assertThat(jdbc.sql("SELECT hash FROM audit_entry WHERE id = ?")
			.param(newest.getKey())
			.query(String.class)
			.single()).isEqualTo(newest.getValue());
	}

	@Test
	void chainNamesTheRowADatabaseAdministratorChanged() {
		testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		await().atMost(Duration.ofSeconds(10)).until(() -> auditLog.verify().rowsChecked() >= 2);
		assertThat(auditLog.verify().intact()).isTrue();
		var target = jdbc.sql("SELECT id, detail FROM audit_entry ORDER BY id DESC LIMIT 1 OFFSET 1")
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("detail") })
			.single();
		long id = (Long) target[0];
		String original = (String) target[1];

		asDatabaseAdministrator("UPDATE audit_entry SET detail = COALESCE(detail, '') || ' [đã sửa]' WHERE id = :id",
				Map.of("id", id));
		try {
			ChainVerification tampered = auditLog.verify();
			assertThat(tampered.intact()).isFalse();
			assertThat(tampered.firstBrokenId()).isEqualTo(id);
			assertThat(tampered.problem()).isEqualTo("content");
		}
		finally {
			Map<String, Object> restore = new HashMap<>();
			restore.put("id", id);
			restore.put("detail", original);
			asDatabaseAdministrator("UPDATE audit_entry SET detail = :detail WHERE id = :id", restore);
		}

		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE id = ?").param(id).query(String.class).list())
			.containsExactly(original);
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void verifyPageTellsTheAdministratorTheChainIsIntact() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");
		assertThat(admin.get("/admin/audit").status()).isEqualTo(200);

		var page = admin.post("/admin/audit/verify", Map.of());

		assertThat(page.status()).isEqualTo(200);
		Element verification = Jsoup.parse(page.body()).getElementById("verification");
		assertThat(verification).isNotNull();
		assertThat(verification.hasClass("flash")).isTrue();
		assertThat(verification.text()).matches("Chuỗi nhật ký nguyên vẹn \\([0-9.,]+ mục đã kiểm tra\\)\\.");
	}

	/**
	 * DDL is transactional in PostgreSQL: no other session ever sees the trigger
	 * disabled.
	 */
	private void asDatabaseAdministrator(String sql, Map<String, ?> params) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_is_append_only").update();
			assertThat(jdbc.sql(sql).params(params).update()).isEqualTo(1);
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_is_append_only").update();
		});
	}

	/**
	 * outcome|client address|detail of the user's entries with the action, oldest first.
	 */
	private List<String> entries(String username, String action) {
		return jdbc
			.sql("SELECT outcome, client_address, detail FROM audit_entry WHERE actor = ? AND action = ? ORDER BY id")
			.param(username)
			.param(action)
			.query((rs, n) -> rs.getString("outcome") + "|" + rs.getString("client_address") + "|"
					+ rs.getString("detail"))
			.list();
	}

	/**
	 * Posts the login form as a client behind a trusted proxy that forwards the client's
	 * address.
	 */
	private TestUserAgent.Response login(TestUserAgent agent, String username, String password) {
		agent.forwardedFor(CLIENT);
		Matcher csrf = CSRF.matcher(agent.get("/login").body());
		assertThat(csrf.find()).isTrue();
		String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1))
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return agent.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

}
