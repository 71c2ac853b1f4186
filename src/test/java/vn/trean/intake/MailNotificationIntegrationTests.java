package vn.trean.intake;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.trean.ReportDrafts;
import vn.trean.SmtpSink;
import vn.trean.TestAccounts;
import vn.trean.TestDatabase;
import vn.trean.TestUnits;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification e-mails go out over real SMTP to the routed commune's officer and chair,
 * and carry a link but no name or detail. (Its own context: the mail server must be known
 * at start.)
 */
// the outbox sends often here, so the test waits for the mail and not for the timer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "trean.notices.outbox-interval=200ms")
@Import({ TestDatabase.class, TestAccounts.class, TestUnits.class })
@ActiveProfiles("demo")
class MailNotificationIntegrationTests {

	static final SmtpSink smtp = new SmtpSink();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.configure(registry, "https://tre-an.example.vn");
	}

	@Autowired
	Intake intake;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void emailsTheCommunesOfficerAndChairALinkWithoutPersonalData() {
		long unit = testUnits.ninhKieu().value();
		long officer = provision("mail.officer." + System.nanoTime() % 100000, Role.COMMUNE_OFFICER,
				"can.bo@example.vn");
		provision("mail.chair." + System.nanoTime() % 100000, Role.COMMUNE_CHAIR, "chu.tich@example.vn");
		long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'demo.hotline'").query(Long.class).single();

		ReportReceipt receipt = intake.record(accounts.current(hotline).orElseThrow(),
				ReportDrafts.at(unit)
					.withReporter("Người Gọi Bí Mật", "0912345678", Relation.NEIGHBOUR, false)
					.withChild("Đoàn Thị Bảo Mật", 8)
					.withHarm(HarmForm.VIOLENCE)
					.withSetting(Setting.FAMILY)
					.withPerpetrator(Relation.PARENT)
					.withPerpetratorAccess()
					.withAccount("Chi tiết rất riêng tư về vụ việc")
					.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
					.build());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(smtp.messages().stream().flatMap(m -> m.recipients().stream()))
				.contains("<can.bo@example.vn>", "<chu.tich@example.vn>"));
		for (SmtpSink.Message message : smtp.messages()) {
			assertThat(decoded(message.data())).contains("https://tre-an.example.vn/intake/reports/" + receipt.id())
				.doesNotContain("Bảo Mật")
				.doesNotContain("Bao Mat")
				.doesNotContain("0912345678")
				.doesNotContain("riêng tư");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM report_notification WHERE user_id = :u AND report_id = :r")
			.param("u", officer)
			.param("r", receipt.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** The message with quoted-printable soft breaks and escapes undone. */
	private static String decoded(String data) {
		String joined = data.replace("=\n", "");
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < joined.length(); i++) {
			char c = joined.charAt(i);
			if (c == '=' && i + 2 < joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
				bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private long provision(String username, Role role, String email) {
		var unit = testUnits.ninhKieu();
		return accounts.provision(
				new Accounts.AccountDetails(username, "Người nhận thư", email, unit, null, EnumSet.of(role), true),
				TestAccounts.PASSWORD, false, false, TestAccounts.TOTP_SECRET);
	}

}
