package vn.trean.children;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import vn.trean.IntegrationTest;
import vn.trean.TestUserAgent;
import vn.trean.identity.Role;
import vn.trean.shared.AttachmentBox;
import vn.trean.shared.AttachmentBoxTests;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentPolicyTests;
import vn.trean.shared.SealedStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence file of a special-circumstance entry: sent with the entry's form, stored
 * encrypted, kept or replaced by a correction, downloaded by those who may see the
 * child's circumstances and no one else, refused with the form's errors when it is no
 * accepted file, and moved by the re-encryption command.
 */
@IntegrationTest
class CircumstanceFilesIntegrationTests {

	private static final String HOME = "31591";

	private static final String ELSEWHERE = "31594";

	private static final String NEW_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AttachmentBox box;

	@Autowired
	List<SealedStore> stores;

	@Autowired
	Environment environment;

	@Test
	void anEntryRecordedWithAFileStoresItEncryptedAndGivesTheExactBytesBackToItsCommuneOnly() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child child = fixture.girlOf(HOME, java.time.LocalDate.of(2015, 3, 4));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, HOME);

		var answer = record(officer, child, file("Giấy xác nhận khuyết tật.pdf", AttachmentPolicyTests.PDF));

		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		Map<String, Object> row = fixture.jdbc.sql("""
				SELECT f.* FROM circumstance_file f JOIN circumstance_entry e ON e.id = f.entry_id
				WHERE e.child_id = ?""").param(child.id().value()).query().singleRow();
		byte[] ciphertext = (byte[]) row.get("ciphertext");
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		assertThat(ciphertext).isNotEqualTo(AttachmentPolicyTests.PDF);
		UUID id = (UUID) row.get("id");
		assertThat(fileOfVersion(fixture, child, 1)).isEqualTo(id);
		String link = Jsoup.parse(officer.get(CircumstancesFixture.page(child)).body())
			.selectFirst("a[id$=-file]")
			.attr("href");

		var download = officer.download(link);

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(AttachmentPolicyTests.PDF);
		assertThat(download.contentType()).isEqualTo("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		assertThat(fixture.count("""
				SELECT count(*) FROM audit_entry WHERE action = 'RECORD_VIEWED' AND target_type = 'CIRCUMSTANCE_FILE'
				AND target_id = ?""", id.toString())).isEqualTo(1);
		TestUserAgent stranger = fixture.signedIn(Role.COMMUNE_OFFICER, ELSEWHERE);
		assertThat(stranger.download(link).status()).isEqualTo(404);
		assertThat(officer.download(CircumstancesFixture.page(child) + "/files/" + UUID.randomUUID()).status())
			.isEqualTo(404);
	}

	@Test
	void aCorrectionKeepsTheEarlierFileUnlessANewOneIsGivenAndOverwritesNone() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child child = fixture.girlOf(HOME, java.time.LocalDate.of(2014, 5, 6));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, HOME);
		assertThat(record(officer, child, file("a.pdf", AttachmentPolicyTests.PDF)).status()).isEqualTo(302);
		UUID first = fileOfVersion(fixture, child, 1);

		assertThat(correct(officer, child, "Sửa căn cứ", file("", new byte[0])).status()).isEqualTo(302);
		assertThat(fileOfVersion(fixture, child, 2)).as("kept without a new file").isEqualTo(first);
		assertThat(correct(officer, child, "Thêm ảnh", file("anh.png", AttachmentPolicyTests.PNG)).status())
			.isEqualTo(302);
		UUID second = fileOfVersion(fixture, child, 3);

		assertThat(second).isNotNull().isNotEqualTo(first);
		assertThat(officer.download(CircumstancesFixture.page(child) + "/files/" + first).body())
			.isEqualTo(AttachmentPolicyTests.PDF);
		assertThat(officer.download(CircumstancesFixture.page(child) + "/files/" + second).body())
			.isEqualTo(AttachmentPolicyTests.PNG);
		var history = Jsoup.parse(officer.get(CircumstancesFixture.page(child)).body());
		assertThat(history.select("li[data-version] a[data-file]")).extracting(a -> a.attr("data-file"))
			.containsExactly(second.toString(), first.toString(), first.toString());
	}

	@Test
	void aRefusedFileRefusesTheEntryWithAFieldErrorAndSavesNothing() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child child = fixture.girlOf(HOME, java.time.LocalDate.of(2013, 7, 8));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, HOME);
		byte[] exe = AttachmentPolicyTests.concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[2048]);
		Map<String, TestUserAgent.FilePart> refused = Map.of("attachment.type-executable", file("giay.pdf", exe),
				"attachment.required", file("rong.pdf", new byte[0]), "attachment.too-large",
				file("lon.pdf", Arrays.copyOf(AttachmentPolicyTests.PDF, AttachmentPolicy.MAX_BYTES + 1)),
				"attachment.type-refused", file("trang.pdf", "<html>x</html>".getBytes(StandardCharsets.US_ASCII)));

		refused.forEach((message, part) -> {
			var answer = record(officer, child, part);

			assertThat(answer.status()).as(message).isEqualTo(422);
			Element error = Jsoup.parse(answer.body()).getElementById("file-error");
			assertThat(error).as(message).isNotNull();
			assertThat(error.text()).isEqualTo(fixture.message(message));
		});
		assertThat(fixture.entries(child)).isZero();
		assertThat(fixture.count("SELECT count(*) FROM circumstance_file f JOIN circumstance_entry e"
				+ " ON e.id = f.entry_id WHERE e.child_id = ?", child.id().value()))
			.isZero();
	}

	@Test
	void aBodyLargerThanTheServerReadsIsAnsweredWithThePageAndItsErrorNotAServerError() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child child = fixture.girlOf(HOME, java.time.LocalDate.of(2012, 9, 10));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, HOME);

		var answer = record(officer, child, file("lon.pdf", new byte[13 * 1024 * 1024]));

		assertThat(answer.status()).isEqualTo(413);
		Element error = Jsoup.parse(answer.body()).getElementById("file-error");
		assertThat(error).isNotNull();
		assertThat(error.text()).isEqualTo(fixture.message("upload.too-large"));
		assertThat(fixture.entries(child)).isZero();
	}

	@Test
	void theReencryptionCommandMovesTheEvidenceFilesToTheNewKey() {
		CircumstancesFixture fixture = new CircumstancesFixture(port, context);
		Child child = fixture.girlOf(HOME, java.time.LocalDate.of(2016, 1, 2));
		TestUserAgent officer = fixture.signedIn(Role.COMMUNE_OFFICER, HOME);
		assertThat(record(officer, child, file("a.pdf", AttachmentPolicyTests.PDF)).status()).isEqualTo(302);
		UUID id = fileOfVersion(fixture, child, 1);
		String demoKey = environment.getProperty("trean.cases.attachment-key");
		assertThat(stores).anyMatch(CircumstanceFileResealing.class::isInstance);
		AttachmentBox rotated = AttachmentBoxTests.box(NEW_KEY, List.of(demoKey));

		int moved = resealAll(new CircumstanceFileResealing(fixture.jdbc, rotated));

		assertThat(moved).isPositive();
		byte[] ciphertext = ciphertextOf(fixture, id);
		assertThat(rotated.keyIdOf(new AttachmentBox.Sealed(null, ciphertext))).isEqualTo(rotated.currentKeyId());
		long entry = fixture.onlyEntryOf(child);
		assertThat(
				rotated.open(new AttachmentBox.Sealed(null, ciphertext), CircumstanceFiles.associatedData(id, entry)))
			.isEqualTo(AttachmentPolicyTests.PDF);
		// back to the demo key for the other tests
		resealAll(new CircumstanceFileResealing(fixture.jdbc, AttachmentBoxTests.box(demoKey, List.of(NEW_KEY))));
		assertThat(box.open(new AttachmentBox.Sealed(null, ciphertextOf(fixture, id)),
				CircumstanceFiles.associatedData(id, entry)))
			.isEqualTo(AttachmentPolicyTests.PDF);
	}

	private static int resealAll(SealedStore store) {
		int moved = 0;
		for (int batch = store.resealNext(50); batch > 0; batch = store.resealNext(50)) {
			moved += batch;
		}
		return moved;
	}

	private static byte[] ciphertextOf(CircumstancesFixture fixture, UUID id) {
		return fixture.jdbc.sql("SELECT ciphertext FROM circumstance_file WHERE id = ?")
			.param(id)
			.query(byte[].class)
			.single();
	}

	private static UUID fileOfVersion(CircumstancesFixture fixture, Child child, int version) {
		return fixture.jdbc.sql("""
				SELECT v.file_id FROM circumstance_entry_version v JOIN circumstance_entry e ON e.id = v.entry_id
				WHERE e.child_id = ? AND v.version = ?""")
			.param(child.id().value())
			.param(version)
			.query(UUID.class)
			.single();
	}

	private static TestUserAgent.FilePart file(String name, byte[] content) {
		return new TestUserAgent.FilePart("file", name, "application/octet-stream", content);
	}

	private static TestUserAgent.Response record(TestUserAgent agent, Child child, TestUserAgent.FilePart file) {
		Element form = Jsoup.parse(agent.get(CircumstancesFixture.page(child)).body()).getElementById("entry-form");
		assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
		return agent.postMultipart(form.attr("action"),
				Map.of("group", "DISABILITY", "startedOn", "2024-01-15", "evidence", "Giấy xác nhận của trạm y tế"),
				file);
	}

	private static TestUserAgent.Response correct(TestUserAgent agent, Child child, String reason,
			TestUserAgent.FilePart file) {
		Element form = Jsoup.parse(agent.get(CircumstancesFixture.page(child)).body())
			.selectFirst("form[action*=/entries/correct]");
		return agent.postMultipart(form.attr("action"),
				Map.of("entry", form.selectFirst("input[name=entry]").val(), "version",
						form.selectFirst("input[name=version]").val(), "group", "DISABILITY", "startedOn", "2024-01-15",
						"reason", reason),
				file);
	}

}
