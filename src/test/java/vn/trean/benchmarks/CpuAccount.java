package vn.trean.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * CPU time taken during a benchmark run, read from Linux's /proc: the JVM's threads
 * grouped by what they do (Tomcat's request threads, the load generator, the background
 * listeners, the JIT compiler, the garbage collector), the JVM's threads that ended
 * during the run, and the test database's PostgreSQL (its postmaster, its live processes
 * and those it reaped). Divided by the requests, it says where a request's cost lies on
 * the machine, which a client's timing cannot. Empty where /proc is absent.
 */
final class CpuAccount {

	private static final double TICKS_PER_MS = ticksPerSecond() / 1000.0;

	private static final String ENDED = "JVM: threads that ended during the run";

	private final long postmaster;

	private final Sample start;

	/** CPU ticks by key (a thread, a process, or the whole JVM), each user and kernel. */
	private record Sample(Map<String, long[]> ticks, Map<String, String> groups) {
	}

	private CpuAccount(long postmaster) {
		this.postmaster = postmaster;
		this.start = sample();
	}

	static CpuAccount start(DataSource dataSource) {
		return new CpuAccount(postmaster(dataSource));
	}

	/**
	 * The CPU milliseconds per request of each group since {@link #start}, user and
	 * kernel, as a markdown table.
	 */
	String perRequest(int requests) {
		Sample end = sample();
		if (end.ticks().isEmpty()) {
			return "(CPU time not collected: no /proc)";
		}
		Map<String, long[]> byGroup = new TreeMap<>();
		end.ticks().forEach((key, ticks) -> {
			String group = end.groups().get(key);
			if (group != null) {
				long[] before = start.ticks().getOrDefault(key, new long[2]);
				long[] sum = byGroup.computeIfAbsent(group, g -> new long[2]);
				sum[0] += ticks[0] - before[0];
				sum[1] += ticks[1] - before[1];
			}
		});
		// the whole JVM's time, less its live threads': the threads that ended
		long[] ended = { end.ticks().get("jvm")[0] - start.ticks().get("jvm")[0],
				end.ticks().get("jvm")[1] - start.ticks().get("jvm")[1] };
		byGroup.forEach((group, t) -> {
			if (group.startsWith("JVM")) {
				ended[0] -= t[0];
				ended[1] -= t[1];
			}
		});
		byGroup.put(ENDED, ended);
		StringBuilder table = new StringBuilder("| where | user | kernel | CPU ms per request |\n|---|---|---|---|\n");
		long total = 0;
		for (Map.Entry<String, long[]> e : byGroup.entrySet()) {
			long[] t = e.getValue();
			total += t[0] + t[1];
			table.append("| ")
				.append(e.getKey())
				.append(" | ")
				.append(ms(t[0], requests))
				.append(" | ")
				.append(ms(t[1], requests))
				.append(" | ")
				.append(ms(t[0] + t[1], requests))
				.append(" |\n");
		}
		return table.append("| all |  |  | ").append(ms(total, requests)).append(" |").toString();
	}

	private static String ms(long ticks, int requests) {
		return String.format("%.2f", ticks / TICKS_PER_MS / requests);
	}

	private Sample sample() {
		Map<String, long[]> ticks = new HashMap<>();
		Map<String, String> groups = new HashMap<>();
		Path self = Path.of("/proc/self/task");
		if (!Files.isDirectory(self)) {
			return new Sample(ticks, groups);
		}
		try (Stream<Path> threads = Files.list(self)) {
			threads.forEach(t -> {
				Stat stat = Stat.read(t.resolve("stat"));
				if (stat != null) {
					String key = "thread " + t.getFileName();
					ticks.put(key, new long[] { stat.user(), stat.kernel() });
					groups.put(key, "JVM: " + group(stat.name()));
				}
			});
		}
		catch (IOException ex) {
			return new Sample(Map.of(), Map.of());
		}
		Stat jvm = Stat.read(Path.of("/proc/self/stat"));
		ticks.put("jvm", new long[] { jvm.user(), jvm.kernel() });
		if (postmaster > 0) {
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
					Stat stat = Stat.read(p.resolve("stat"));
					long pid = Long.parseLong(p.getFileName().toString());
					if (stat != null && (pid == postmaster || stat.parent() == postmaster)) {
						String key = "process " + pid;
						// the postmaster's children's times: its processes that ended
						ticks.put(key,
								pid == postmaster
										? new long[] { stat.user() + stat.childrenUser(),
												stat.kernel() + stat.childrenKernel() }
										: new long[] { stat.user(), stat.kernel() });
						groups.put(key, "PostgreSQL");
					}
				});
			}
			catch (IOException ex) {
				// no PostgreSQL rows
			}
		}
		return new Sample(ticks, groups);
	}

	/** The fields of /proc/[pid]/stat used here (proc(5): 2, 4, 14–17). */
	private record Stat(String name, long parent, long user, long kernel, long childrenUser, long childrenKernel) {

		static Stat read(Path path) {
			String line;
			try {
				line = Files.readString(path);
			}
			catch (IOException ex) {
				return null;
			}
			int close = line.lastIndexOf(')');
			// after the name: field 3 (state) is fields[0]
			String[] fields = line.substring(close + 2).split(" ");
			return new Stat(line.substring(line.indexOf('(') + 1, close), Long.parseLong(fields[1]),
					Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
					Long.parseLong(fields[14]));
		}

	}

	/** The test database's postmaster: the parent of its checkpointer; 0 if unknown. */
	private static long postmaster(DataSource dataSource) {
		try (Connection c = dataSource.getConnection();
				Statement st = c.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")) {
			if (!rs.next()) {
				return 0;
			}
			Stat checkpointer = Stat.read(Path.of("/proc/" + rs.getLong(1) + "/stat"));
			return checkpointer == null ? 0 : checkpointer.parent();
		}
		catch (Exception ex) {
			return 0;
		}
	}

	private static long ticksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
			String out = new String(getconf.getInputStream().readAllBytes()).strip();
			return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

	private static String group(String thread) {
		if (thread.startsWith("http-nio")) {
			return "Tomcat threads";
		}
		if (thread.startsWith("pool-") || thread.startsWith("HttpClient")) {
			return "load generator";
		}
		if (thread.startsWith("task-") || thread.startsWith("event")) {
			return "background listeners";
		}
		if (thread.contains("Compiler")) {
			return "JIT compiler";
		}
		if (thread.startsWith("G1") || thread.startsWith("GC") || thread.contains("GC")) {
			return "garbage collector";
		}
		return "other JVM threads";
	}

	/**
	 * The JVM's live threads by name, digits folded: which names the groups above meet.
	 */
	static String threadNames() {
		try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
			return threads.map(t -> Stat.read(t.resolve("stat")))
				.filter(java.util.Objects::nonNull)
				.map(s -> s.name().replaceAll("[0-9]+", "#"))
				.collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()))
				.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
