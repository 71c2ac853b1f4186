package vn.trean.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import vn.trean.Application;
import vn.trean.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line check of the audit chain, run as operations would: no web server. */
@ExtendWith(OutputCaptureExtension.class)
class AuditChainCommandTests {

	@Test
	void reportsAnIntactChainAndExitsWithZero(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, TestDatabase.class)
			.web(WebApplicationType.NONE)
			.properties("trean.identity.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
					"trean.cases.attachment-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
					"trean.audit.chain-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
			.run("--verify-audit-chain");
		int exitCode = SpringApplication.exit(context);
		assertThat(output).contains("Audit chain intact");
		assertThat(exitCode).isZero();
	}

}
