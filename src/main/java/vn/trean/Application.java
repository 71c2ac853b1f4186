package vn.trean;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
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
		SpringApplication.run(Application.class, args);
	}

}
