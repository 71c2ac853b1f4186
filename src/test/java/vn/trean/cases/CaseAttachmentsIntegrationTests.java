package vn.trean.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AttachmentBox;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.AttachmentPolicyTests;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.ReportReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files attached to a case through the real server: stored encrypted, downloaded only as
 * attachments by those who may read the case (each download logged), and every bad upload
 * (a program or a web page in disguise, 50 MB, a stale version) refused with a translated
 * answer and nothing saved.
 */
@IntegrationTest
class CaseAttachmentsIntegrationTests {

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	private static final byte[] SECRET = "Lời khai của trẻ: bị đánh bằng roi mây".getBytes(StandardCharsets.UTF_8);

	private static final byte[] PDF = AttachmentPolicyTests.concat("%PDF-1.4\n% ".getBytes(StandardCharsets.US_ASCII),
			SECRET, "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts testAccounts;

	@Autowired
	TestCases testCases;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseWorkflow workflow;

	@Autowired
	CaseAttachments attachments;

	@Autowired
	AttachmentBox box;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	UnitId caiKhe;

	CurrentUser operator;

	String officerName;

	CurrentUser officer;

	@BeforeEach
	void people() {
		caiKhe = testUnits.caiKhe();
		operator = testCases.user(testAccounts.create(Role.HOTLINE_OPERATOR, "92"));
		officerName = testAccounts.create(Role.COMMUNE_OFFICER, "31120");
		officer = testCases.user(officerName);
	}

	@Test
	void aPdfAndAPngAreStoredEncryptedAndDownloadAsAttachmentsWithSafeHeaders() {
		CaseId id = newCase("Lạc Thu Trang");
		TestUserAgent agent = signedIn(officerName);
		int version = testCases.version(id);

		var pdf = upload(agent, id,
				new TestUserAgent.FilePart("file", "Biên bản xác minh.pdf", "application/octet-stream", PDF));
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(302);
		assertThat(pdf.location()).endsWith("/cases/" + id);
		var png = upload(agent, id,
				new TestUserAgent.FilePart("file", "ảnh vết bầm.png", "image/png", AttachmentPolicyTests.PNG));
		assertThat(png.status()).as(png.body()).isEqualTo(302);

		assertThat(testCases.version(id)).as("each attachment is a step of the case").isEqualTo(version + 2);
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT * FROM case_attachment WHERE case_id = ? ORDER BY uploaded_at, file_name")
			.param(id.value())
			.query()
			.listOfRows();
		assertThat(rows).extracting(r -> r.get("file_name"))
			.containsExactlyInAnyOrder("Biên bản xác minh.pdf", "ảnh vết bầm.png");
		Map<String, Object> stored = rows.stream()
			.filter(r -> r.get("media_type").equals("application/pdf"))
			.findFirst()
			.orElseThrow();
		byte[] ciphertext = (byte[]) stored.get("ciphertext");
		assertThat(contains(ciphertext, SECRET)).as("the database holds no plain text").isFalse();
		assertThat(contains(ciphertext, "%PDF".getBytes(StandardCharsets.US_ASCII))).isFalse();
		AttachmentId pdfId = new AttachmentId((UUID) stored.get("id"));
		byte[] opened = box.open(new AttachmentBox.Sealed((byte[]) stored.get("nonce"), ciphertext),
				("case_attachment:" + pdfId + ":" + id).getBytes(StandardCharsets.US_ASCII));
		assertThat(CaseAttachments.sha256(opened)).isEqualTo(stored.get("sha256"))
			.isEqualTo(CaseAttachments.sha256(PDF));
		assertThat(stored.get("size_bytes")).isEqualTo(PDF.length);
		assertThat(timeline(id)).contains("ATTACHMENT_ADDED|Biên bản xác minh.pdf|" + pdfId,
				"ATTACHMENT_ADDED|ảnh vết bầm.png|" + attachmentId(id, "image/png"));

		var downloaded = agent.download("/cases/" + id + "/attachments/" + pdfId);
		assertThat(downloaded.status()).isEqualTo(200);
		assertThat(downloaded.body()).isEqualTo(PDF);
		assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"Bien ban xac minh.pdf\"; ")
			.endsWith("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20x%C3%A1c%20minh.pdf");
		assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(downloaded.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

		var picture = agent.download("/cases/" + id + "/attachments/" + attachmentId(id, "image/png"));
		assertThat(picture.body()).isEqualTo(AttachmentPolicyTests.PNG);
		assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(picture.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

		Document page = Jsoup.parse(agent.get("/cases/" + id).body());
		assertThat(page.select("#attachments a").eachText()).containsExactlyInAnyOrder("Biên bản xác minh.pdf",
				"ảnh vết bầm.png");
	}

	@Test
	void anExecutableRenamedPdfIsRefusedWithATranslatedMessageAndNothingSaved() {
		CaseId id = newCase("Mạc Gia Huy");
		TestUserAgent agent = signedIn(officerName);
		int version = testCases.version(id);
		byte[] exe = AttachmentPolicyTests.concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[4096]);
		byte[] elf = AttachmentPolicyTests.concat(new byte[] { 0x7f, 'E', 'L', 'F' }, new byte[4096]);

		for (byte[] program : List.of(exe, elf)) {
			var refused = upload(agent, id,
					new TestUserAgent.FilePart("file", "hoa-don.pdf", "application/pdf", program));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(Jsoup.parse(refused.body()).select("#file-error").text()).isEqualTo(
					"Tệp này là một chương trình hoặc tập lệnh, không phải tài liệu hay ảnh, nên không được đính kèm; "
							+ "không có gì được lưu.");
			assertThat(Jsoup.parse(refused.body()).select("#attachment-form")).as("the form again").hasSize(1);
		}
		assertNothingSaved(id, version);
	}

	@Test
	void anHtmlPageNamedPngIsRefusedInTheLanguageOfTheUser() {
		CaseId id = newCase("Bạch Tuệ Nhi");
		TestUserAgent agent = signedIn(officerName);
		agent.get("/?lang=en");
		int version = testCases.version(id);
		byte[] html = "<!DOCTYPE html><html><script>fetch('/cases')</script></html>".getBytes(StandardCharsets.UTF_8);

		var refused = upload(agent, id, new TestUserAgent.FilePart("file", "anh.png", "image/png", html));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).select("#file-error").text())
			.startsWith("Only PDF files and JPEG, PNG, WebP or HEIC pictures can be attached.");
		assertNothingSaved(id, version);
	}

	@Test
	void aFiftyMegabyteUploadIsAnsweredWithATranslatedPageNotAnErrorAndNothingSaved() {
		CaseId id = newCase("Tạ Minh Châu");
		TestUserAgent agent = signedIn(officerName);
		int version = testCases.version(id);
		byte[] huge = Arrays.copyOf(PDF, 50 * 1024 * 1024);

		var refused = upload(agent, id, new TestUserAgent.FilePart("file", "ho-so.pdf", "application/pdf", huge));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(Jsoup.parse(refused.body()).select("#file-error").text())
			.isEqualTo("Tệp lớn hơn mức máy chủ nhận nên không được nhận; không có gì được lưu.");
		assertThat(Jsoup.parse(refused.body()).select("#attachment-form")).as("the form again").hasSize(1);
		assertThat(Jsoup.parse(refused.body()).select("#back-to-case").attr("href")).isEqualTo("/cases/" + id);
		assertNothingSaved(id, version);

		var justOver = upload(agent, id, new TestUserAgent.FilePart("file", "ho-so.pdf", "application/pdf",
				Arrays.copyOf(PDF, AttachmentPolicy.MAX_BYTES + 1)));
		assertThat(justOver.status()).as("just over 10 MB reaches the policy").isEqualTo(422);
		assertThat(Jsoup.parse(justOver.body()).select("#file-error").text())
			.isEqualTo("Tệp lớn hơn 10 MB nên không được đính kèm; không có gì được lưu.");
		assertNothingSaved(id, version);
	}

	@Test
	void aControlCharacterInAnUploadsFieldIsABadRequestAndNothingSaved() {
		CaseId id = newCase("Lò Thị Hương");
		TestUserAgent agent = signedIn(officerName);
		int version = testCases.version(id);
		Element form = Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#attachment-form");

		var refused = agent.postMultipart(form.attr("action"),
				Map.of("version", form.selectFirst("input[name=version]").val(), "visibility", "CASE_TEAM\u001b[0m"),
				new TestUserAgent.FilePart("file", "bien-ban.pdf", "application/pdf", PDF));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("Yêu cầu không hợp lệ");
		assertNothingSaved(id, version);
	}

	@Test
	void aFileNameTooLongIsRefusedAsANameNotAsTooLargeAndNothingSaved() {
		CaseId id = newCase("Khổng Thị Ánh");
		TestUserAgent agent = signedIn(officerName);
		int version = testCases.version(id);

		var vietnamese = upload(agent, id,
				new TestUserAgent.FilePart("file", "biên bản ".repeat(625) + ".pdf", "application/pdf", PDF));
		var ascii = upload(agent, id,
				new TestUserAgent.FilePart("file", "b".repeat(300) + ".pdf", "application/pdf", PDF));

		for (var refused : List.of(vietnamese, ascii)) {
			assertThat(refused.status()).isEqualTo(422);
			assertThat(Jsoup.parse(refused.body()).text())
				.contains("Tên tệp dài quá 255 ký tự nên tệp không được nhận; không có gì được lưu. Hãy đổi tên tệp.")
				.doesNotContain("Tệp lớn hơn 10 MB");
		}
		assertNothingSaved(id, version);
	}

	@Test
	void anUploadOnAStaleVersionIsRefusedWithAConflictAndNothingSaved() {
		CaseId id = newCase("Âu Ngọc Diệp");
		TestUserAgent agent = signedIn(officerName);
		Element form = Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#attachment-form");
		workflow.addNote(Actor.of(officer, "ip"), id, testCases.version(id),
				new CaseWorkflow.Note("Đã gọi điện cho nhà trường.", NoteVisibility.CASE_TEAM));
		int version = testCases.version(id);

		var refused = agent.postMultipart(form.attr("action"),
				Map.of("version", form.selectFirst("input[name=version]").val(), "visibility", "CASE_TEAM"),
				new TestUserAgent.FilePart("file", "bien-ban.pdf", "application/pdf", PDF));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).select("#refusal").text())
			.startsWith("Vụ việc vừa được người khác cập nhật.");
		assertNothingSaved(id, version);
	}

	@Test
	void anotherCommunesOfficerIsRefusedTheDownload() {
		CaseId id = newCase("Khúc Thảo Vy");
		AttachmentId attachment = attach(id, NoteVisibility.CASE_TEAM);
		String elsewhere = testAccounts.create(Role.COMMUNE_OFFICER, "31135");

		var refused = signedIn(elsewhere).download("/cases/" + id + "/attachments/" + attachment);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
		assertThat(downloadsLogged(attachment)).isZero();
	}

	@Test
	void anAttachmentIsNotFoundUnderAnotherCaseOrAnUnknownOne() {
		CaseId id = newCase("Doãn Bảo Anh");
		CaseId other = newCase("Doãn Bảo Châu");
		AttachmentId attachment = attach(id, NoteVisibility.CASE_TEAM);
		TestUserAgent agent = signedIn(officerName);

		assertThat(agent.download("/cases/" + other + "/attachments/" + attachment).status()).isEqualTo(404);
		assertThat(agent.download("/cases/" + UUID.randomUUID() + "/attachments/" + attachment).status())
			.isEqualTo(404);
		assertThat(agent.download("/cases/" + id + "/attachments/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(agent.download("/cases/" + id + "/attachments/" + attachment).status()).isEqualTo(200);
	}

	@Test
	void everyDownloadWritesAnAccessEntryNamingTheFile() {
		CaseId id = newCase("Giáp Hải Yến");
		AttachmentId attachment = attach(id, NoteVisibility.CASE_TEAM);
		TestUserAgent agent = signedIn(officerName);

		agent.download("/cases/" + id + "/attachments/" + attachment);
		agent.download("/cases/" + id + "/attachments/" + attachment);

		assertThat(downloadsLogged(attachment)).isEqualTo(2);
		assertThat(jdbc.sql("""
				SELECT DISTINCT actor || '|' || detail FROM audit_entry
				WHERE action = 'RECORD_VIEWED' AND target_type = 'CASE_ATTACHMENT' AND target_id = ?""")
			.param(attachment.toString())
			.query(String.class)
			.list()).containsExactly(officerName + "|case " + id);
	}

	@Test
	void aRestrictedAttachmentIsHiddenFromTheProvince() {
		CaseId id = newCase("Nghiêm Thu Hà");
		AttachmentId attachment = attach(id, NoteVisibility.RESTRICTED);
		CurrentUser chair = testCases.user(testAccounts.create(Role.COMMUNE_CHAIR, "31120"));
		CurrentUser province = testCases.user(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));

		assertThat(attachments.listedIn(cases.open(Actor.of(chair, "ip"), id))).extracting(CaseAttachment::id)
			.containsExactly(attachment);
		assertThat(attachments.listedIn(cases.open(Actor.of(province, "ip"), id))).isEmpty();
		assertThatThrownBy(() -> attachments.download(Actor.of(province, "ip"), id, attachment))
			.isInstanceOf(UnknownAttachment.class);
		assertThat(attachments.download(Actor.of(chair, "ip"), id, attachment).content()).isEqualTo(PDF);
	}

	// ---- helpers ----

	/** Posts a file with the upload form of the case page, as the browser would. */
	private TestUserAgent.Response upload(TestUserAgent agent, CaseId id, TestUserAgent.FilePart file) {
		Element form = Jsoup.parse(agent.get("/cases/" + id).body()).selectFirst("#attachment-form");
		assertThat(form).as("the upload form on the case page").isNotNull();
		assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
		return agent.postMultipart(form.attr("action"),
				Map.of("version", form.selectFirst("input[name=version]").val(), "visibility", "CASE_TEAM"), file);
	}

	private AttachmentId attach(CaseId id, NoteVisibility visibility) {
		return attachments.attach(Actor.of(officer, "ip"), id, testCases.version(id),
				new AttachmentPolicy.Upload("bien-ban.pdf", new ByteArrayResource(PDF)), visibility);
	}

	private void assertNothingSaved(CaseId id, int version) {
		assertThat(jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_id = ?")
			.param(id.value())
			.query(Long.class)
			.single()).isZero();
		assertThat(testCases.version(id)).isEqualTo(version);
		assertThat(timeline(id)).noneMatch(e -> e.startsWith("ATTACHMENT_ADDED"));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port).forwardedFor("198.51.100." + (CLIENTS.incrementAndGet() % 250));
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	/**
	 * A case from a report of normal urgency: its only clock (verification, two working
	 * days) is beyond the 24-hour warning, so the escalation job raises no alerts from
	 * these tests.
	 */
	private CaseId newCase(String childName) {
		ReportReceipt receipt = intake.record(operator,
				ReportDrafts.at(caiKhe)
					.withChild(childName, 10)
					.withHarm(HarmForm.NEGLECT)
					.withAccount("Trẻ thường xuyên ở nhà một mình, bỏ bữa.")
					.build());
		return testCases.caseOf(receipt);
	}

	private AttachmentId attachmentId(CaseId id, String mediaType) {
		return new AttachmentId(jdbc.sql("SELECT id FROM case_attachment WHERE case_id = ? AND media_type = ?")
			.param(id.value())
			.param(mediaType)
			.query(UUID.class)
			.single());
	}

	private long downloadsLogged(AttachmentId attachment) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_entry
				WHERE action = 'RECORD_VIEWED' AND target_type = 'CASE_ATTACHMENT' AND target_id = ?""")
			.param(attachment.toString())
			.query(Long.class)
			.single();
	}

	private List<String> timeline(CaseId id) {
		return jdbc
			.sql("SELECT kind || '|' || coalesce(text, '') || '|' || coalesce(ref, '') FROM case_entry "
					+ "WHERE case_id = ? ORDER BY id")
			.param(id.value())
			.query(String.class)
			.list();
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
