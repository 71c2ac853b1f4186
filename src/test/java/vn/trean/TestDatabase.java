package vn.trean;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' PostgreSQL: one embedded server (zonky, real PostgreSQL 14) for the whole
 * test JVM, shared by every Spring context, stopped when the JVM exits.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	private static EmbeddedPostgres server;

	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
				if (Boolean.getBoolean("test.pg.statements")) {
					// for benchmarks: which statements take PostgreSQL's time
					builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
					builder.setServerConfig("pg_stat_statements.track_planning", "on");
					builder.setServerConfig("pg_stat_statements.track", "all");
				}
				server = builder.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// zonky stops the server in its own shutdown hook
		}
		return server;
	}

	/** The JDBC URL of the test database, for tests that talk to it directly. */
	public static String jdbcUrl() {
		return server().getJdbcUrl("postgres", "postgres");
	}

	@Bean
	DataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setConnectionTimeout(3000);
		dataSource.setValidationTimeout(2000);
		return dataSource;
	}

}
