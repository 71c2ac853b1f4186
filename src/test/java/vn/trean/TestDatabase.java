package vn.trean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The tests' PostgreSQL: one embedded server (zonky, real PostgreSQL 14) for the whole
 * test JVM, shared by every Spring context, stopped when the JVM exits. As in production,
 * the migrations run as the owner ({@code postgres}) and the application as its own
 * restricted role ({@value #APPLICATION_ROLE}); tests that tamper with the database on
 * purpose use {@link #ownerConnection()}.
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
				try (Connection owner = ownerConnection(); Statement st = owner.createStatement()) {
					st.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '" + APPLICATION_ROLE + "'");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			// zonky stops the server in its own shutdown hook
		}
		return server;
	}

	/** The database role the application runs as. */
	public static final String APPLICATION_ROLE = "trean_app";

	/**
	 * The JDBC URL of the test database (without a user: the URL's user would win over
	 * the one a data source is given).
	 */
	public static String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
	}

	/** A connection as the owner of the schema, who may do anything. */
	public static Connection ownerConnection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
	}

	/**
	 * Runs a statement only the owner may run (ANALYZE, VACUUM, deliberate tampering).
	 */
	public static void asOwner(String sql) {
		try (Connection owner = ownerConnection(); Statement st = owner.createStatement()) {
			st.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	@Primary
	DataSource dataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl());
		dataSource.setUsername(APPLICATION_ROLE);
		dataSource.setPassword(APPLICATION_ROLE);
		dataSource.setMaximumPoolSize(20);
		dataSource.setConnectionTimeout(3000);
		dataSource.setValidationTimeout(2000);
		return dataSource;
	}

	@Bean
	@FlywayDataSource
	DataSource ownerDataSource() {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), "postgres", "postgres");
	}

}
