package vn.trean.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.Application;
import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestDatabase;
import vn.trean.TestUnits;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AttachmentBox;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentPolicyTests;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.shared.Keyring;
import vn.trean.shared.KeyringTests;
import vn.trean.shared.SealedStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-encryption command, run as operations would (no web server) against the tests'
 * database after a new key was made current: second-factor secrets and attachments in the
 * formats stored before keys were named, and under the old key, end up under the new key
 * and still open; a run that stopped midway is finished by the next one, which moves only
 * what is left; a value under a key no longer configured stops it with a message naming
 * the key. It finally rotates back to the demo key, which the other tests' application
 * uses.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResealCommandIntegrationTests {

	private static final String NEW = Base64.getEncoder()
		.encodeToString("new-key-of-the-reseal-command-32".getBytes(StandardCharsets.US_ASCII));

	private static final String SECRET = "JBSWY3DPEHPK3PXP";

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	TestUnits testUnits;

	@Autowired
	AttachmentBox box;

	@Autowired
	List<SealedStore> stores;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void movesOldFormatsAndOldKeysToTheNewKeyResumablyAndRefusesAnUnknownKey(CapturedOutput output) throws Exception {
		String demoSecretKey = environment.getProperty("trean.identity.secret-key");
		String demoAttachmentKey = environment.getProperty("trean.cases.attachment-key");
		CurrentUser officer = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31120"));
		long legacyUser = officer.id();
		jdbc.sql("UPDATE app_user SET totp_secret = ? WHERE id = ?")
			.param("v1:"
					+ Base64.getEncoder()
						.encodeToString(KeyringTests.legacySealed(demoSecretKey,
								SECRET.getBytes(StandardCharsets.UTF_8), new byte[0])))
			.param(legacyUser)
			.update();
		CaseId caseId = newCase(officer);
		AttachmentId legacyFile = legacyAttachment(caseId, officer, demoAttachmentKey);

		assertThat(reseal(NEW, NEW, List.of())).as("the old key is not configured").isEqualTo(3);
		// whichever value it meets first: one naming the demo key, or one from before
		// keys
		// were named
		assertThat(output).contains("STOPPED after 0 re-encrypted")
			.containsAnyOf("sealed under key " + Keyring.of("x", "X", demoSecretKey, List.of()).currentKeyId(),
					"sealed under key " + Keyring.of("x", "X", demoAttachmentKey, List.of()).currentKeyId(),
					"from before keys were named");
		long plainUser = testCases.user(testAccounts.create(Role.COMMUNE_OFFICER, "31120")).id();
		jdbc.sql("UPDATE app_user SET totp_secret = ? WHERE id = ?").param(SECRET).param(plainUser).update();

		assertThat(reseal(NEW, NEW, List.of(demoSecretKey, demoAttachmentKey))).isZero();

		Keyring newKeys = Keyring.of("x", "X", NEW, List.of());
		assertThat(output).contains("Case attachments: ", "all under key " + newKeys.currentKeyId());
		for (long user : List.of(legacyUser, plainUser)) {
			String stored = secretOf(user);
			assertThat(newKeys.keyIdOf(sealedIn(stored))).isEqualTo(newKeys.currentKeyId());
			assertThat(opened(newKeys, stored)).isEqualTo(SECRET);
		}
		Map<String, Object> file = attachment(legacyFile);
		assertThat(file.get("nonce")).as("the nonce moved into the ciphertext").isNull();
		assertThat(newKeys.open((byte[]) file.get("ciphertext"), CaseAttachments.associatedData(caseId, legacyFile)))
			.isEqualTo(AttachmentPolicyTests.PDF);
		assertThat(notUnderCurrentKey(newKeys)).isZero();

		// as if a run had stopped before it reached one secret: the next one moves only
		// that
		jdbc.sql("UPDATE app_user SET totp_secret = ? WHERE id = ?").param(SECRET).param(plainUser).update();
		int before = output.getOut().length();
		assertThat(reseal(NEW, NEW, List.of(demoSecretKey, demoAttachmentKey))).isZero();
		assertThat(output.getOut().substring(before)).contains("Second-factor secrets: 1 re-encrypted",
				"Case attachments: 0 re-encrypted");
		assertThat(opened(newKeys, secretOf(plainUser))).isEqualTo(SECRET);

		// back to the demo key for the other tests; everything opens in this application
		assertThat(reseal(demoSecretKey, demoAttachmentKey, List.of(NEW))).isZero();
		file = attachment(legacyFile);
		assertThat(box.open(new AttachmentBox.Sealed(null, (byte[]) file.get("ciphertext")),
				CaseAttachments.associatedData(caseId, legacyFile)))
			.isEqualTo(AttachmentPolicyTests.PDF);
		assertThat(opened(Keyring.of("x", "X", demoSecretKey, List.of()), secretOf(legacyUser))).isEqualTo(SECRET);
		assertThat(stores).allSatisfy(store -> assertThat(store.resealNext(50)).as("nothing left to move").isZero());
	}

	/**
	 * Runs the application as the re-encryption command with the current keys of the
	 * second-factor secrets and of the attachments, and the retired keys given for both.
	 */
	private int reseal(String secretKey, String attachmentKey, List<String> retired) {
		String retiredList = String.join(",", retired);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, TestDatabase.class)
			.web(WebApplicationType.NONE)
			.properties("trean.identity.secret-key=" + secretKey, "trean.cases.attachment-key=" + attachmentKey,
					"trean.identity.retired-secret-keys=" + retiredList,
					"trean.cases.retired-attachment-keys=" + retiredList,
					"trean.audit.chain-key=" + environment.getProperty("trean.audit.chain-key"))
			.run("--reseal-secrets");
		return SpringApplication.exit(context);
	}

	private long notUnderCurrentKey(Keyring keys) {
		long files = jdbc.sql(
				"SELECT count(*) FROM case_attachment WHERE nonce IS NOT NULL OR substring(ciphertext FROM 1 FOR 5) <> ?")
			.param(keys.currentPrefix())
			.query(Long.class)
			.single();
		long secrets = jdbc.sql("SELECT totp_secret FROM app_user WHERE totp_secret IS NOT NULL")
			.query(String.class)
			.list()
			.stream()
			.filter(s -> !s.startsWith("v2:") || !keys.keyIdOf(sealedIn(s)).equals(keys.currentKeyId()))
			.count();
		return files + secrets;
	}

	/** The ciphertext of a stored second-factor secret ({@code v2:} and Base64). */
	private static byte[] sealedIn(String stored) {
		assertThat(stored).startsWith("v2:");
		return Base64.getDecoder().decode(stored.substring(3));
	}

	private static String opened(Keyring keys, String stored) {
		return new String(keys.open(sealedIn(stored), new byte[0]), StandardCharsets.UTF_8);
	}

	private String secretOf(long user) {
		return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = ?").param(user).query(String.class).single();
	}

	private Map<String, Object> attachment(AttachmentId id) {
		return jdbc.sql("SELECT nonce, ciphertext FROM case_attachment WHERE id = ?")
			.param(id.value())
			.query()
			.singleRow();
	}

	/** An attachment as stored before keys were named: its own nonce column. */
	private AttachmentId legacyAttachment(CaseId caseId, CurrentUser by, String key) throws Exception {
		AttachmentId id = new AttachmentId(UUID.randomUUID());
		byte[] sealed = KeyringTests.legacySealed(key, AttachmentPolicyTests.PDF,
				CaseAttachments.associatedData(caseId, id));
		jdbc.sql("""
				INSERT INTO case_attachment (id, case_id, file_name, media_type, size_bytes, sha256, nonce,
				  ciphertext, visibility, uploaded_by, uploaded_at)
				VALUES (?, ?, 'cu.pdf', 'application/pdf', ?, ?, ?, ?, 'CASE_TEAM', ?, ?)""")
			.param(id.value())
			.param(caseId.value())
			.param(AttachmentPolicyTests.PDF.length)
			.param(CaseAttachments.sha256(AttachmentPolicyTests.PDF))
			.param(java.util.Arrays.copyOf(sealed, 12))
			.param(java.util.Arrays.copyOfRange(sealed, 12, sealed.length))
			.param(by.id())
			.param(Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private CaseId newCase(CurrentUser officer) {
		CurrentUser operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		return testCases.caseOf(intake.record(operator,
				ReportDrafts.at(testUnits.caiKhe())
					.withChild("Vũ Thị Khóa", 9)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ thường xuyên ở nhà một mình.")
					.build()));
	}

}
