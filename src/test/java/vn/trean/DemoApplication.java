package vn.trean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one-command demo start ({@code ./mvnw spring-boot:test-run}): an embedded
 * PostgreSQL whose data stays in {@code .data/postgres} (so a second start finds the
 * first start's data), the application with the {@code demo} profile, and the demo logins
 * printed at the end. It lives in the test sources so the production jar contains neither
 * the embedded database nor a way to start it.
 */
public class DemoApplication {

	public static void main(String[] args) throws IOException {
		Path data = Path.of(System.getProperty("trean.demo.data", ".data/postgres")).toAbsolutePath();
		Files.createDirectories(data.getParent());
		int port = Integer.getInteger("trean.demo.db-port", 54329);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			// stopped by the demo's own hook below, after the application
			.setRegisterShutdownHook(false)
			.start();
		try (Connection owner = postgres.getPostgresDatabase().getConnection();
				Statement st = owner.createStatement()) {
			st.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trean_app') THEN
					    CREATE ROLE trean_app LOGIN PASSWORD 'trean_app';
					  END IF;
					END $$""");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		DemoDatabase.postgres = postgres;
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.from(Application::main)
				.with(DemoDatabase.class)
				.withAdditionalProfiles("demo")
				.run(withoutShutdownHook(args))
				.getApplicationContext();
		}
		catch (RuntimeException ex) {
			close(postgres);
			throw ex;
		}
		// one hook stops everything in order: the application (its pool, timers and event
		// workers) first, then the database under it, so nothing is left retrying a
		// closed
		// database; the stop asked for is a normal end (exit 0), not a failure
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			context.close();
			close(postgres);
			Runtime.getRuntime().halt(0);
		}, "demo-stop"));
	}

	private static String[] withoutShutdownHook(String[] args) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--spring.main.register-shutdown-hook=false";
		// the logging stops with the JVM, after the application's last words
		all[args.length + 1] = "--logging.register-shutdown-hook=false";
		return all;
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ignored) {
			// stopping anyway
		}
	}

	/**
	 * Points the application at the embedded server: migrations as the owner, the
	 * application as its restricted role, as in production.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DemoDatabase {

		static EmbeddedPostgres postgres;

		/**
		 * The demo's database outlives builds: where an applied migration's comments were
		 * reworded since, its stored checksum is brought up to date before migrating
		 * (demo data only; a production database is repaired deliberately, see the
		 * README).
		 */
		@Bean
		org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy repairThenMigrate() {
			return flyway -> {
				flyway.repair();
				flyway.migrate();
			};
		}

		private static String url() {
			return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		}

		@Bean
		@Primary
		DataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(url());
			dataSource.setUsername("trean_app");
			dataSource.setPassword("trean_app");
			return dataSource;
		}

		@Bean
		@FlywayDataSource
		DataSource ownerDataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), url(), "postgres", "postgres");
		}

	}

}
