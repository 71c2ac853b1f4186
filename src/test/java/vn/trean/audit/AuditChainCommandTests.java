package vn.trean.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.trean.Application;
import vn.trean.TestActors;
import vn.trean.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line check of the audit chain, run as operations would: no web server. */
@ExtendWith(OutputCaptureExtension.class)
class AuditChainCommandTests {

	@Test
	void reportsAnIntactChainAndTheCurrentAnchorAndExitsWithZero(CapturedOutput output) {
		int exitCode = command("--verify-audit-chain");

		assertThat(output).contains("Audit chain intact");
		String anchor = output.getOut()
			.lines()
			.filter(line -> line.startsWith("Audit anchor now: "))
			.findFirst()
			.orElseThrow()
			.substring("Audit anchor now: ".length());
		assertThat(AuditAnchor.parse(anchor).entries()).isPositive();
		assertThat(exitCode).isZero();
	}

	@Test
	void reportsATailCutAgainstTheAnchorFromTheLogAndExitsWithThree(CapturedOutput output) throws Exception {
		AuditLog log = TestAuditLogs.on(
				JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.jdbcUrl(),
						TestDatabase.APPLICATION_ROLE, TestDatabase.APPLICATION_ROLE)),
				Clock.systemUTC(),
				new ChainKeys(new AuditSettings(CHAIN_KEY, List.of(), Duration.ofMinutes(15), false)));
		command("--verify-audit-chain");
		for (int i = 0; i < 40; i++) {
			// more entries than two per chain: at least one chain holds three
			log.recordAccess(TestActors.named("audit-command-test", null), "TEST_RECORD", String.valueOf(i), null);
		}
		try (AuditTampering owner = AuditTampering.ofAChainWithAtLeast(3)) {
			AuditAnchor anchor = log.currentAnchor();
			owner.cutTail(2);

			int exitCode = command("--verify-audit-chain", "--audit-anchor=" + anchor.word());

			assertThat(output).contains("Audit chain BROKEN: TAIL CUT, the anchor of " + anchor.takenAt() + " counted "
					+ anchor.entries() + " entries, " + (anchor.entries() - 2) + " of them are left");
			assertThat(exitCode).isEqualTo(AuditChainCommand.BROKEN);
		}
	}

	@Test
	void refusesWhatIsNotAnAnchorAndExitsWithTwo(CapturedOutput output) {
		int exitCode = command("--verify-audit-chain", "--audit-anchor=entries=12");

		assertThat(output).contains("Audit anchor not understood");
		assertThat(exitCode).isEqualTo(AuditChainCommand.BAD_ANCHOR);
	}

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	/**
	 * The installation's chain key: the shared test database holds entries the demo
	 * context signed.
	 */
	private static final String CHAIN_KEY = demoChainKey();

	private static String demoChainKey() {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-demo.properties"))
				.getProperty("trean.audit.chain-key");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static int command(String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, TestDatabase.class)
			.web(WebApplicationType.NONE)
			.properties("trean.identity.secret-key=" + KEY, "trean.cases.attachment-key=" + KEY,
					"trean.audit.chain-key=" + CHAIN_KEY)
			.run(args);
		return SpringApplication.exit(context);
	}

}
