package vn.trean;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two transactions that overlap: the first writes and stays open while the second writes
 * on another connection; the first commits only once the second waits for a lock or has
 * finished, then the second commits. Shows what a derived value kept by triggers becomes
 * when two users change its sources at the same moment.
 */
public final class OverlappingTransactions {

	/** Work done on a connection inside its transaction. */
	@FunctionalInterface
	public interface Work {

		void on(Connection connection) throws SQLException;

	}

	private OverlappingTransactions() {
	}

	/** What the other work gave, and whether it had to wait for the first's lock. */
	public record Outcome<T>(T value, boolean waited) {
	}

	/**
	 * Runs {@code first} and, while its transaction is still open, {@code other} (a
	 * request to the application, or a transaction of its own); commits the first once
	 * the other waits for a lock or has finished.
	 */
	public static <T> Outcome<T> whileOpen(DataSource dataSource, JdbcClient jdbc, Work first, Callable<T> other)
			throws Exception {
		try (Connection one = dataSource.getConnection()) {
			one.setAutoCommit(false);
			long firstPid;
			try (var st = one.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				firstPid = rs.getLong(1);
			}
			first.on(one);
			CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> {
				try {
					return other.call();
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			});
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			boolean waited = false;
			while (!running.isDone() && System.nanoTime() < deadline) {
				// waiting on a lock the first transaction holds, not on anyone else's
				if (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")
					.param(firstPid)
					.query(Long.class)
					.single() > 0) {
					waited = true;
					break;
				}
				Thread.sleep(20);
			}
			one.commit();
			return new Outcome<>(running.get(20, TimeUnit.SECONDS), waited);
		}
	}

	/**
	 * Runs {@code first} and, while it is still open, {@code second} in a transaction of
	 * its own; returns whether the second had to wait for the first (a lock).
	 */
	public static boolean run(DataSource dataSource, JdbcClient jdbc, Work first, Work second) throws Exception {
		return whileOpen(dataSource, jdbc, first, () -> {
			try (Connection two = dataSource.getConnection()) {
				two.setAutoCommit(false);
				second.on(two);
				two.commit();
			}
			return null;
		}).waited();
	}

}
