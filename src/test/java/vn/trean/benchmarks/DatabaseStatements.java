package vn.trean.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Which statements take PostgreSQL's time during a benchmark, from
 * {@code pg_stat_statements}: present only when the test database was started with
 * {@code -Dtest.pg.statements=true} (the module must be preloaded).
 */
final class DatabaseStatements {

	private DatabaseStatements() {
	}

	/** Empties the statistics; false when the module is not loaded. */
	static boolean reset(DataSource dataSource) {
		try (Connection c = vn.trean.TestDatabase.ownerConnection(); Statement st = c.createStatement()) {
			st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			st.execute("SELECT pg_stat_statements_reset()");
			st.execute("SELECT pg_stat_reset()");
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * The statements that took the most time since the reset, per call of a benchmarked
	 * operation, as a markdown table.
	 */
	static String top(DataSource dataSource, int operations, int limit) throws Exception {
		StringBuilder table = new StringBuilder(totals(dataSource, operations)).append("\n\n")
			.append("| statement | calls per operation | ms per operation | ms per call | rows per call |\n|---|---|---|---|---|\n");
		try (Connection c = vn.trean.TestDatabase
			.ownerConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
					SELECT regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS statement, calls, total_exec_time, rows
					FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'
					ORDER BY total_exec_time DESC LIMIT\s""" + limit)) {
			while (rs.next()) {
				long calls = rs.getLong("calls");
				double total = rs.getDouble("total_exec_time");
				table.append("| `")
					.append(rs.getString("statement").replace("|", "\\|"))
					.append("` | ")
					.append(String.format("%.2f", calls / (double) operations))
					.append(" | ")
					.append(String.format("%.3f", total / operations))
					.append(" | ")
					.append(String.format("%.3f", total / Math.max(1, calls)))
					.append(" | ")
					.append(String.format("%.1f", rs.getLong("rows") / (double) Math.max(1, calls)))
					.append(" |\n");
			}
		}
		return table.toString();
	}

	private static String totals(DataSource dataSource, int operations) throws Exception {
		try (Connection c = vn.trean.TestDatabase
			.ownerConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
					SELECT (SELECT sum(calls) FROM pg_stat_statements) AS calls,
					  (SELECT sum(total_exec_time) FROM pg_stat_statements) AS exec,
					  (SELECT sum(total_plan_time) FROM pg_stat_statements) AS plan,
					  (SELECT sum(plans) FROM pg_stat_statements) AS plans,
					  (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits""")) {
			rs.next();
			return String.format(
					"Per operation: %.1f statements, %.2f ms executing, %.2f ms planning (%.1f plans), %.1f commits",
					rs.getDouble("calls") / operations, rs.getDouble("exec") / operations,
					rs.getDouble("plan") / operations, rs.getDouble("plans") / operations,
					rs.getDouble("commits") / operations);
		}
	}

}
