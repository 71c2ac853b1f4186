package vn.trean.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.trean.SmtpSink;
import vn.trean.TestAccounts;
import vn.trean.TestDatabase;
import vn.trean.TestUnits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notice e-mailed while the mail server is down is sent once it is back, exactly once,
 * even when the notice is queued again meanwhile. (Its own context: the mail server must
 * be known when the application starts, and the sender runs often here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "trean.notices.outbox-interval=200ms", "trean.notices.retry-first-delay=500ms",
				"trean.notices.retry-max-delay=1s" })
@Import({ TestDatabase.class, TestUnits.class })
@ActiveProfiles("demo")
class MailOutboxIntegrationTests {

	static final SmtpSink smtp = new SmtpSink();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.configure(registry, "https://tre-an.example.vn");
	}

	@Autowired
	Notices notices;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoticeMailedWhileTheServerIsDownArrivesOnceWhenItIsBack() throws Exception {
		String address = "thu.cho." + System.nanoTime() % 100000 + "@example.vn";
		long user = provision("thu.cho." + System.nanoTime() % 100000, address);
		String key = "outbox-test:" + System.nanoTime();

		smtp.stop();
		try {
			notices.mailLink(key, List.of(user), "Trẻ An", "Một thông báo / a notice.", "/cases");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(row(key, user)).as("tried again after a failure")
					.satisfies(r -> assertThat((Integer) r.get("attempts")).isGreaterThanOrEqualTo(2))
					.satisfies(r -> assertThat(r.get("last_error")).isNotNull()));
			assertThat(row(key, user).get("sent_at")).isNull();
			assertThat(received(address)).isZero();
		}
		finally {
			smtp.start();
		}
		notices.mailLink(key, List.of(user), "Trẻ An", "Một thông báo / a notice.", "/cases");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received(address)).isEqualTo(1));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(received(address)).isEqualTo(1));
		Map<String, Object> row = row(key, user);
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(row.get("last_error")).isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
			.param(address)
			.query(Long.class)
			.single()).as("queued twice, one message").isEqualTo(1);
		SmtpSink.Message message = smtp.messages()
			.stream()
			.filter(m -> m.recipients().contains("<" + address + ">"))
			.findFirst()
			.orElseThrow();
		assertThat(message.data()).contains("https://tre-an.example.vn/cases")
			.containsPattern("Message-ID: <notice\\.[0-9a-f]{32}@");
	}

	private long received(String address) {
		return smtp.messages().stream().filter(m -> m.recipients().contains("<" + address + ">")).count();
	}

	private Map<String, Object> row(String key, long user) {
		return jdbc.sql("SELECT attempts, last_error, sent_at FROM mail_outbox WHERE message_key = ?")
			.param(key + ":" + user)
			.query()
			.singleRow();
	}

	private long provision(String username, String email) {
		var unit = testUnits.ninhKieu();
		return accounts.provision(
				new Accounts.AccountDetails(username, "Người nhận thư", email, unit, null,
						EnumSet.of(Role.COMMUNE_OFFICER), true),
				TestAccounts.PASSWORD, false, false, TestAccounts.TOTP_SECRET);
	}

}
