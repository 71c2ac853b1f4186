package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
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
import vn.trean.TestClock;
import vn.trean.TestDatabase;
import vn.trean.TestUnits;
import vn.trean.cases.DeadlineEscalation;
import vn.trean.identity.Accounts;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification e-mails go out over real SMTP to the routed commune's officer and chair,
 * and carry a link but no name or detail; a missed deadline's e-mail links to the page
 * that acts on its step, the link of its notification and work-queue item. (Its own
 * context: the mail server must be known at start.)
 */
// the outbox sends often here, so the test waits for the mail and not for the timer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "trean.notices.outbox-interval=200ms")
@Import({ TestDatabase.class, TestAccounts.class, TestUnits.class, TestClock.Configuration.class })
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

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

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
		for (SmtpSink.Message message : smtp.messages()
			.stream()
			.filter(m -> m.recipients().contains("<can.bo@example.vn>")
					|| m.recipients().contains("<chu.tich@example.vn>"))
			.toList()) {
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

	@Test
	void aMissedDeadlineEmailsTheLinkOfThePageThatActsOnItsStep() {
		var tanLoc = testUnits.id("31213");
		provision("mail.late." + System.nanoTime() % 100000, Role.COMMUNE_CHAIR, "chu.tich.han@example.vn", tanLoc);
		long hotline = jdbc.sql("SELECT id FROM app_user WHERE username = 'demo.hotline'").query(Long.class).single();
		ReportReceipt receipt = intake.record(accounts.current(hotline).orElseThrow(),
				ReportDrafts.at(tanLoc)
					.withChild("Tô Thị Quá Hạn", 6)
					.withHarm(HarmForm.VIOLENCE)
					.withDangerSigns(DangerSign.INJURIES_NEEDING_CARE)
					.build());
		UUID caseId = await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT case_id FROM case_report WHERE report_id = ?")
				.param(receipt.id().value())
				.query(UUID.class)
				.optional(), Optional::isPresent)
			.orElseThrow();
		Instant due = jdbc.sql(
				"SELECT due_at FROM case_deadline WHERE case_id = ? AND step = 'EMERGENCY_DECISION' AND met_at IS NULL")
			.param(caseId)
			.query(Timestamp.class)
			.single()
			.toInstant();

		clock.travelTo(due.plus(Duration.ofMinutes(5)));
		escalation.run();
		clock.reset();

		String link = "https://tre-an.example.vn/cases/" + caseId + "/forms/emergency-decision";
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(smtp.messages()).filteredOn(m -> decoded(m.data()).contains(link))
				.anySatisfy(m -> assertThat(m.recipients()).contains("<chu.tich.han@example.vn>"))
				.allSatisfy(m -> assertThat(decoded(m.data())).contains("OVERDUE").doesNotContain("Quá Hạn")));
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
		return provision(username, role, email, testUnits.ninhKieu());
	}

	private long provision(String username, Role role, String email, vn.trean.geography.UnitId unit) {
		return accounts.provision(
				new Accounts.AccountDetails(username, "Người nhận thư", email, unit, null, EnumSet.of(role), true),
				TestAccounts.PASSWORD, false, false, TestAccounts.TOTP_SECRET);
	}

}
