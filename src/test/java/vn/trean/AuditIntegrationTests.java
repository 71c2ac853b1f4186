package vn.trean;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import vn.trean.audit.AuditAnchor;
import vn.trean.audit.AuditAnchors;
import vn.trean.audit.AuditLog;
import vn.trean.audit.AuditTampering;
import vn.trean.audit.ChainVerification;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit log: sign-in failures and lockouts are recorded with the client's address,
 * the application's database role may only read and append to it, the keyed hash chain
 * names the first row someone with the owner's rights changed, and an anchor shows the
 * rows they removed.
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
	AuditAnchors anchors;

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
	void fiveFailuresLockTheAccountAndTheRightPasswordAloneIsRefusedLikeAWrongOne() {
		String username = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent agent = new TestUserAgent(port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(login(agent, username, "Sai-mat-khau-lan-" + attempt).location())
				.endsWith("/login?error=credentials");
		}

		var sixth = login(agent, username, TestAccounts.PASSWORD);

		assertThat(sixth.status()).isEqualTo(302);
		assertThat(sixth.location()).endsWith("/login?error=credentials");
		assertThat(agent.get("/").status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(entries(username, "LOGIN_FAILED")).hasSize(6).last().isEqualTo("FAILURE|" + CLIENT + "|locked");
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
			auditLog.recordAccess(TestActors.named(committed, CLIENT), "TEST_RECORD", "1",
					"Nguyễn Thị Thuỷ, xã Thới Lai");
			auditLog.recordAccess(TestActors.named(committed, null), "TEST_RECORD", null, null);
			assertThat(entries(committed, "RECORD_VIEWED")).as("written only when the transaction commits").isEmpty();
		});
		String rolledBack = "audit-rollback-" + System.nanoTime();
		tx.executeWithoutResult(status -> {
			auditLog.recordAccess(TestActors.named(rolledBack, CLIENT), "TEST_RECORD", "2", "không được ghi");
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
					auditLog.recordAccess(TestActors.named(actor, CLIENT), "TEST_FIRST", String.valueOf(n), "lần " + n);
					auditLog.recordAccess(TestActors.named(actor, CLIENT), "TEST_SECOND", String.valueOf(n), null);
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
	void applicationRoleMayNotUpdateOrDeleteAuditEntries() {
		var newest = jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("hash")))
			.single();

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit_entry SET detail = 'đã sửa' WHERE id = ?").param(newest.getKey()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(newest.getKey()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");

		assertThat(jdbc.sql("SELECT hash FROM audit_entry WHERE id = ?")
			.param(newest.getKey())
			.query(String.class)
			.single()).isEqualTo(newest.getValue());
	}

	@Test
	void applicationRoleMayNotTruncateTheAuditLog() {
		long before = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_entry");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_anchor").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_anchor");

		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
			.isGreaterThanOrEqualTo(before)
			.isPositive();
	}

	@Test
	void applicationRoleMayNotDisableTheAuditTriggerOrReplaceItsFunction() {
		assertThatThrownBy(
				() -> jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_is_append_only").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("must be owner of table audit_entry");
		assertThatThrownBy(() -> jdbc.sql("DROP TRIGGER audit_entry_is_append_only ON audit_entry").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("must be owner of");
		assertThatThrownBy(() -> jdbc.sql("""
				CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RETURN OLD; END $$""").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageMatching("ERROR: (must be owner of function .*|permission denied for schema public)");
		assertThatThrownBy(() -> jdbc.sql("CREATE TABLE audit_entry_copy (id BIGINT)").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for schema public");
	}

	@Test
	void applicationRoleMayOnlyAppendAnchorsAndOnlyReadTheChainsForm() {
		anchors.anchor();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_anchor SET entries = 0").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_anchor");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_anchor").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_anchor");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_form SET last_legacy_id = 1000000000").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_chain_form");
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO audit_chain_form VALUES (1000000000)").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied for table audit_chain_form");
	}

	@Test
	void applicationRoleMayNotAddAnEntryOutsideTheSixteenChainsNorBelowTheFirstId() {
		String forged = """
				INSERT INTO audit_entry (id, occurred_at, actor, action, outcome, previous_hash, hash, chain)
				VALUES (:id, now(), 'ke.gia.mao', 'LOGIN_SUCCEEDED', 'SUCCESS', :zero, :zero, :chain)""";
		String zero = "0".repeat(64);

		assertThatThrownBy(() -> jdbc.sql(forged)
			.param("id", jdbc.sql("SELECT nextval('audit_entry_seq')").query(Long.class).single())
			.param("zero", zero)
			.param("chain", 200)
			.update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_entry_chain_known");
		assertThatThrownBy(() -> jdbc.sql(forged).param("id", -1).param("zero", zero).param("chain", 0).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_entry_id_positive");
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void aSecondRecordOfWhereTheKeyedChainBeganIsReportedAsTampering() throws Exception {
		try (java.sql.Connection owner = vn.trean.TestDatabase.ownerConnection();
				java.sql.Statement sql = owner.createStatement()) {
			sql.execute(
					"INSERT INTO audit_chain_form (last_legacy_id, legacy_entries) VALUES (9223372036854775807, 0)");
			ChainVerification moved;
			try {
				moved = auditLog.verify();
			}
			finally {
				sql.execute("ALTER TABLE audit_chain_form DISABLE TRIGGER audit_chain_form_is_append_only");
				sql.execute("DELETE FROM audit_chain_form WHERE last_legacy_id = 9223372036854775807");
				sql.execute("ALTER TABLE audit_chain_form ENABLE TRIGGER audit_chain_form_is_append_only");
			}

			assertThat(moved.intact()).isFalse();
			assertThat(moved.problem()).isEqualTo("form");
		}
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void chainNamesTheRowADatabaseAdministratorChanged() throws Exception {
		testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		assertThat(auditLog.verify().intact()).isTrue();

		try (AuditTampering owner = AuditTampering.ofAChainWithAtLeast(2)) {
			long id = owner.rewriteNewestWithRecomputedSha256("[đã sửa]", false);

			ChainVerification tampered = auditLog.verify();
			assertThat(tampered.intact()).isFalse();
			assertThat(tampered.firstBrokenId()).isEqualTo(id);
			assertThat(tampered.problem()).as("the recomputed plain SHA-256 is not the keyed hash")
				.isEqualTo("content");
		}

		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void rewritingTheNewestEntryAsIfItWereFromBeforeTheKeyedChainIsDetected() throws Exception {
		testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent admin = signedInAdministrator();

		try (AuditTampering owner = AuditTampering.ofAChainWithAtLeast(2)) {
			long id = owner.rewriteNewestWithRecomputedSha256("[đã sửa]", true);

			ChainVerification tampered = auditLog.verify();
			assertThat(tampered.problem()).isEqualTo("legacy");
			assertThat(tampered.firstBrokenId()).isEqualTo(id);
			assertThat(verificationText(admin.post("/admin/audit/verify", Map.of())))
				.contains("Mục số " + formatted(id) + " mang mã băm không khoá");
		}

		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void cuttingTheTailOfAChainIsDetectedAgainstTheAnchor() throws Exception {
		testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		TestUserAgent admin = signedInAdministrator();
		AuditAnchor anchor;

		try (AuditTampering owner = AuditTampering.ofAChainWithAtLeast(3)) {
			anchor = anchors.anchor();
			assertThat(auditLog.verify(anchor).intact()).isTrue();
			long head = owner.newestId();
			owner.cutTail(2);

			ChainVerification cut = auditLog.verify(anchor);
			assertThat(cut.problem()).as("the chain itself still links").isEqualTo("missing");
			assertThat(cut.firstBrokenId()).isEqualTo(head);
			assertThat(cut.anchoredFound()).isEqualTo(anchor.entries() - 2);
			assertThat(auditLog.verify().problem()).as("against the stored anchor too").isEqualTo("missing");
			var page = admin.post("/admin/audit/verify", Map.of("anchor", anchor.word()));
			assertThat(page.status()).isEqualTo(200);
			assertThat(verificationText(page)).startsWith("Các mục đã bị xoá (cắt đuôi chuỗi)")
				.contains(formatted(anchor.entries()) + " mục, chỉ còn " + formatted(anchor.entries() - 2));
		}

		assertThat(auditLog.verify(anchor).intact()).isTrue();
	}

	@Test
	void anAnchorFromTheLogOutputIsOneWordTheVerifierReadsBack() {
		TestUserAgent admin = signedInAdministrator();

		var download = admin.get("/admin/audit/anchor");

		assertThat(download.status()).isEqualTo(200);
		Matcher line = Pattern.compile("^AUDIT-ANCHOR \\S+ entries=(\\d+) anchor=(\\S+)\n$").matcher(download.body());
		assertThat(line.matches()).as(download.body()).isTrue();
		AuditAnchor read = AuditAnchor.parse(line.group(2));
		assertThat(read.entries()).isEqualTo(Long.parseLong(line.group(1))).isPositive();
		assertThat(auditLog.verify(read).intact()).isTrue();
		assertThat(AuditAnchor.parse(read.word())).isEqualTo(read);
	}

	@Test
	void theLogPagesNewestFirstAndKeepsTheFilterFromPageToPage() {
		String actor = "audit-pages-" + System.nanoTime();
		for (int i = 1; i <= 51; i++) {
			auditLog.recordAccess(TestActors.named(actor, CLIENT), "TEST_RECORD", "entry-" + i, null);
		}
		TestUserAgent admin = signedInAdministrator();

		var first = Jsoup.parse(admin.get("/admin/audit?actor=" + actor).body());
		String older = first.select("nav.pager a").attr("href");
		var second = Jsoup.parse(admin.get(older).body());

		assertThat(first.select("tbody tr")).hasSize(50);
		assertThat(first.select("tbody tr").first().text()).contains("TEST_RECORD entry-51");
		assertThat(older).contains("actor=" + actor).contains("page=1");
		assertThat(second.select("tbody tr")).hasSize(1);
		assertThat(second.select("tbody tr").text()).contains("TEST_RECORD entry-1");
		assertThat(second.select("nav.pager a").attr("href")).contains("page=0");
	}

	@Test
	void aRefusedAnchorIsShownOnTheLogPageWithItsStatus() {
		TestUserAgent admin = signedInAdministrator();

		var page = admin.post("/admin/audit/verify", Map.of("anchor", "không phải mốc"));

		assertThat(page.status()).isEqualTo(422);
		assertThat(Jsoup.parse(page.body()).getElementById("anchor").attr("aria-invalid")).isEqualTo("true");
		assertThat(Jsoup.parse(page.body()).select("tbody tr")).isNotEmpty();
	}

	@Test
	void verifyPageRefusesWhatIsNotAnAnchor() {
		TestUserAgent admin = signedInAdministrator();

		var page = admin.post("/admin/audit/verify", Map.of("anchor", "v1.123.5.0-4-77-00"));

		assertThat(page.status()).isEqualTo(422);
		assertThat(verificationText(page)).startsWith("Đây không phải là mốc neo nhật ký");
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

	private TestUserAgent signedInAdministrator() {
		TestUserAgent admin = new TestUserAgent(port);
		assertThat(admin.signIn(testAccounts.create(Role.SYSTEM_ADMINISTRATOR, "92")).location()).endsWith("/");
		return admin;
	}

	private static String verificationText(TestUserAgent.Response page) {
		Element verification = Jsoup.parse(page.body()).getElementById("verification");
		assertThat(verification).as(page.body()).isNotNull();
		return verification.text();
	}

	/** A number as the Vietnamese pages write it. */
	private static String formatted(long number) {
		return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi")).format(number);
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
