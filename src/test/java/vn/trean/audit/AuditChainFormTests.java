package vn.trean.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.trean.TestActors;
import vn.trean.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain's form on a database of its own, migrated as an installation is: the
 * entries written before the keyed chain still verify (by their plain SHA-256, and are
 * counted as such), nothing can pass for one of them later, keys rotate, a truncated log
 * is caught by its anchor, and the application refuses a role that could rewrite it.
 */
class AuditChainFormTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static final String KEY = Base64.getEncoder()
		.encodeToString("chain-key-of-the-form-tests-32-bytes".getBytes());

	private static final String OTHER_KEY = Base64.getEncoder()
		.encodeToString("another-chain-key-for-the-rotation-test".getBytes());

	private DataSource owner;

	private DataSource application;

	@BeforeEach
	void freshDatabaseWithEntriesFromBeforeTheKeyedChain() throws SQLException {
		String name = "audit_form_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
		try (Connection c = TestDatabase.ownerConnection(); Statement st = c.createStatement()) {
			st.execute("CREATE DATABASE " + name);
		}
		String url = TestDatabase.jdbcUrl().replaceFirst("/postgres$", "/" + name);
		owner = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "postgres");
		application = new SimpleDriverDataSource(new org.postgresql.Driver(), url, TestDatabase.APPLICATION_ROLE,
				TestDatabase.APPLICATION_ROLE);
		Flyway.configure().dataSource(owner).locations("classpath:db/migration").target("26").load().migrate();
		List<AuditEntry> legacy = List.of(entry("nguyen.van.a", "LOGIN_SUCCEEDED", "trước khi có khoá"),
				entry("tran.thi.b", "RECORD_VIEWED", null), entry("system", "CASE_OPENED", "Hồ sơ số 1"));
		JdbcClient.create(owner)
			.sql("""
					SELECT audit_append(:occurred::timestamptz[], :actors, :actions, :types, :targets, :clients, :outcomes,
					  :details, :tails)""")
			.param("occurred", legacy.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new))
			.param("actors", legacy.stream().map(AuditEntry::actor).toArray(String[]::new))
			.param("actions", legacy.stream().map(AuditEntry::action).toArray(String[]::new))
			.param("types", legacy.stream().map(AuditEntry::targetType).toArray(String[]::new))
			.param("targets", legacy.stream().map(AuditEntry::targetId).toArray(String[]::new))
			.param("clients", legacy.stream().map(AuditEntry::clientAddress).toArray(String[]::new))
			.param("outcomes", legacy.stream().map(AuditEntry::outcome).toArray(String[]::new))
			.param("details", legacy.stream().map(AuditEntry::detail).toArray(String[]::new))
			.param("tails", legacy.stream().map(AuditLog::canonicalTail).toArray(String[]::new))
			.query()
			.singleValue();
		migrate(application);
	}

	@Test
	void entriesFromBeforeTheKeyedChainVerifyAsBeforeAndAreCountedAsSuch() {
		AuditLog log = log(KEY);
		ChainVerification migrated = log.verify();
		assertThat(migrated.intact()).isTrue();
		assertThat(migrated.rowsChecked()).isEqualTo(3);
		assertThat(migrated.legacyRows()).isEqualTo(3);

		log.recordAccess(TestActors.named("le.van.c", "203.0.113.9"), "CHILD", "7", "sau khi có khoá");
		log.recordAccess(TestActors.named("le.van.c", null), "CHILD", "8", null);

		ChainVerification keyed = log.verify();
		assertThat(keyed.intact()).isTrue();
		assertThat(keyed.rowsChecked()).isEqualTo(5);
		assertThat(keyed.legacyRows()).isEqualTo(3);
		assertThat(JdbcClient.create(owner)
			.sql("SELECT count(*) FROM audit_entry WHERE key_id IS NULL")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aPlainSha256EntryAppendedAfterTheKeyedChainBeganIsRefused() {
		AuditLog log = log(KEY);
		log.recordAccess(TestActors.named("le.van.c", null), "CHILD", "7", null);
		JdbcClient app = JdbcClient.create(application);
		var head = app.sql("SELECT hash, chain FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new Object[] { rs.getString("hash"), rs.getInt("chain") })
			.single();
		long id = app.sql("SELECT nextval('audit_entry_seq')").query(Long.class).single();
		AuditEntry forged = new AuditEntry(id, Instant.now().truncatedTo(ChronoUnit.MICROS), "system", "CASE_CLOSED",
				"CASE", "1", null, "SUCCESS", "đóng hồ sơ giả", (String) head[0], null);
		String hash = ChainKeys.sha256(AuditLog.canonical(forged));

		app.sql("""
				INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, outcome, detail,
				  previous_hash, hash, chain)
				VALUES (?, ?, 'system', 'CASE_CLOSED', 'CASE', '1', 'SUCCESS', 'đóng hồ sơ giả', ?, ?, ?)""")
			.params(id, java.sql.Timestamp.from(forged.occurredAt()), head[0], hash, head[1])
			.update();

		ChainVerification verification = log.verify();
		assertThat(verification.problem()).isEqualTo("legacy");
		assertThat(verification.firstBrokenId()).isEqualTo(id);
	}

	@Test
	void truncatingTheLogIsDetectedAgainstTheAnchor() throws SQLException {
		AuditLog log = log(KEY);
		log.recordAccess(TestActors.named("le.van.c", null), "CHILD", "7", null);
		AuditAnchor anchor = AuditAnchor.parse(log.currentAnchor().word());
		assertThat(anchor.entries()).isEqualTo(4);
		assertThat(log.verify(anchor).intact()).isTrue();

		try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
			st.execute("TRUNCATE audit_entry");
		}

		assertThat(log.verify().intact()).as("an empty table alone is a valid chain").isTrue();
		ChainVerification truncated = log.verify(anchor);
		assertThat(truncated.problem()).isEqualTo("truncated");
		assertThat(truncated.anchoredFound()).isZero();
		assertThat(AuditChainCommand.describe(truncated)).startsWith("Audit chain BROKEN: TRUNCATED");
	}

	@Test
	void aRetiredKeyStillVerifiesTheEntriesItSignedAndAnUnknownKeyIsNamed() {
		log(KEY).recordAccess(TestActors.named("le.van.c", null), "CHILD", "7", null);

		AuditLog rotated = TestAuditLogs.on(JdbcClient.create(application), Clock.systemUTC(),
				new ChainKeys(new AuditSettings(OTHER_KEY, List.of(KEY), Duration.ofMinutes(15), false)));
		rotated.recordAccess(TestActors.named("le.van.c", null), "CHILD", "8", null);
		assertThat(rotated.verify().intact()).isTrue();

		ChainVerification withoutTheOldKey = log(OTHER_KEY).verify();
		assertThat(withoutTheOldKey.problem()).isEqualTo("key");
	}

	@Test
	void refusesToRunAsARoleThatMayRewriteTheAuditLog() {
		assertThatThrownBy(() -> migrate(owner)).rootCause()
			.hasMessageContaining("may change or empty the audit log")
			.hasMessageContaining("TREAN_AUDIT_ALLOW_OWNER_ROLE");
	}

	@Test
	void aShortChainKeyIsRefused() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

		assertThatThrownBy(() -> log(shortKey)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("TREAN_AUDIT_CHAIN_KEY must be at least 32 random bytes");
	}

	private void migrate(DataSource applicationRole) {
		Flyway.configure()
			.dataSource(owner)
			.locations("classpath:db/migration")
			.callbacks(new ApplicationRole(applicationRole,
					new AuditSettings(KEY, List.of(), Duration.ofMinutes(15), false)))
			.load()
			.migrate();
	}

	private AuditLog log(String key) {
		return TestAuditLogs.on(JdbcClient.create(application), Clock.systemUTC(),
				new ChainKeys(new AuditSettings(key, List.of(), Duration.ofMinutes(15), false)));
	}

	private static AuditEntry entry(String actor, String action, String detail) {
		return new AuditEntry(0, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, null, null, null,
				"SUCCESS", detail, null, null);
	}

}
