package vn.trean;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Trẻ An: the child-protection information system. One installation serves one or more
 * provinces; every business capability is an application module below this package.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(systemName = "Trẻ An", sharedModules = "shared")
public class Application {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(Application.class, args);
		List<String> given = Arrays.asList(args);
		if (given.contains("--verify-audit-chain") || given.contains("--reseal-secrets")) {
			// a one-off command (audit.AuditChainCommand, shared.ResealCommand): stop
			// with
			// its exit code
			System.exit(SpringApplication.exit(context));
		}
	}

}
