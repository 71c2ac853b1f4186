package vn.trean.identity;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
 * The owner hears of a second-factor lock by e-mail (someone has the password), over real
 * SMTP; a password lock, which any stranger can cause, sends nothing. (Its own context:
 * the mail server must be known when the application starts.)
 */
// the outbox sends often here, so the test waits for the mail and not for the timer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "trean.notices.outbox-interval=200ms")
@Import({ TestDatabase.class, TestUnits.class })
@ActiveProfiles("demo")
class LockNoticeIntegrationTests {

	static final SmtpSink smtp = new SmtpSink();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.configure(registry, "https://tre-an.example.vn");
	}

	@Autowired
	Accounts accounts;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	TestUnits testUnits;

	@Test
	void theOwnerIsToldOfASecondFactorLockButNotOfAPasswordLock() {
		String codesGuessed = "khoa.ma." + System.nanoTime() % 100000;
		long guessed = provision(codesGuessed, "bi.doan.ma@example.vn");
		String passwordsGuessed = "khoa.mk." + System.nanoTime() % 100000;
		provision(passwordsGuessed, "bi.doan.mat.khau@example.vn");

		for (int i = 0; i < 5; i++) {
			attempts.passwordFailed(passwordsGuessed, "203.0.113.7");
		}
		SecondFactor.Outcome last = null;
		for (int i = 0; i < 5; i++) {
			last = attempts.checkSecondFactor(guessed, "not-a-code", "203.0.113.8");
		}

		assertThat(last).isEqualTo(SecondFactor.Outcome.LOCKED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(smtp.messages())
				.anySatisfy(m -> assertThat(m.recipients()).contains("<bi.doan.ma@example.vn>")));
		SmtpSink.Message notice = smtp.messages()
			.stream()
			.filter(m -> m.recipients().contains("<bi.doan.ma@example.vn>"))
			.findFirst()
			.orElseThrow();
		assertThat(notice.data()).contains("https://tre-an.example.vn/account/password").doesNotContain("203.0.113.8");
		assertThat(smtp.messages())
			.noneSatisfy(m -> assertThat(m.recipients()).contains("<bi.doan.mat.khau@example.vn>"));
	}

	private long provision(String username, String email) {
		var unit = testUnits.ninhKieu();
		return accounts.provision(
				new Accounts.AccountDetails(username, "Người nhận thư", email, unit, null,
						EnumSet.of(Role.COMMUNE_OFFICER), true),
				TestAccounts.PASSWORD, false, false, TestAccounts.TOTP_SECRET);
	}

}
