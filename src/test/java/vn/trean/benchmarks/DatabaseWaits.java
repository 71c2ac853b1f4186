package vn.trean.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Samples what PostgreSQL's other backends are doing (state, wait event, the statement's
 * start) while a benchmark runs: where requests wait inside the database, which a client
 * timing alone cannot tell.
 */
final class DatabaseWaits {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger samples = new AtomicInteger();

	private Thread thread;

	static DatabaseWaits start(DataSource dataSource) {
		DatabaseWaits waits = new DatabaseWaits();
		waits.thread = new Thread(() -> waits.sample(dataSource), "database-waits");
		waits.thread.setDaemon(true);
		waits.thread.start();
		return waits;
	}

	private void sample(DataSource dataSource) {
		try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
			while (running.get()) {
				try (ResultSet rs = st.executeQuery("""
						SELECT state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS waiting,
						  regexp_replace(left(query, 70), '\\s+', ' ', 'g') AS statement
						FROM pg_stat_activity
						WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'""")) {
					while (rs.next()) {
						String key = rs.getString(1) + " | " + rs.getString(2) + " | `" + rs.getString(3) + "`";
						counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
					}
				}
				samples.incrementAndGet();
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			counts.computeIfAbsent("sampler failed: " + ex, k -> new AtomicInteger()).incrementAndGet();
		}
	}

	/**
	 * Stops sampling; the busiest rows as a markdown table (mean backends per sample).
	 */
	String stop() throws InterruptedException {
		running.set(false);
		thread.join();
		int n = Math.max(1, samples.get());
		Map<String, Integer> sorted = new TreeMap<>();
		counts.forEach((k, v) -> sorted.put(k, v.get()));
		return "| state | waiting on | statement | backends (mean) |\n|---|---|---|---|\n" + sorted.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue() - a.getValue())
			.limit(15)
			.map(e -> "| "
					+ e.getKey().replace("|", "\\|").replaceFirst("\\\\\\| ", "| ").replaceFirst("\\\\\\| ", "| ")
					+ " | " + String.format("%.2f", e.getValue() / (double) n) + " |")
			.collect(Collectors.joining("\n"));
	}

}
