package vn.trean.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time taken during a benchmark run, read from Linux's /proc: the JVM's threads
 * grouped by what they do (Tomcat's request threads, the load generator, the background
 * listeners, the JIT compiler, the garbage collector) and PostgreSQL's processes. Divided
 * by the requests, it says where a request's cost lies on the machine, which a client's
 * timing cannot. Empty where /proc is absent.
 */
final class CpuAccount {

	private static final double TICKS_PER_MS = 100 / 1000.0;

	private final Map<String, Long> start;

	private CpuAccount(Map<String, Long> start) {
		this.start = start;
	}

	static CpuAccount start() {
		return new CpuAccount(sample());
	}

	/**
	 * The CPU milliseconds per request of each group since {@link #start()}, as a
	 * markdown table.
	 */
	String perRequest(int requests) {
		Map<String, Long> end = sample();
		if (end.isEmpty()) {
			return "(CPU time not collected: no /proc)";
		}
		StringBuilder table = new StringBuilder("| where | CPU ms per request |\n|---|---|\n");
		long total = 0;
		for (Map.Entry<String, Long> e : end.entrySet()) {
			long ticks = e.getValue() - start.getOrDefault(e.getKey(), 0L);
			total += ticks;
			table.append("| ")
				.append(e.getKey())
				.append(" | ")
				.append(String.format("%.2f", ticks / TICKS_PER_MS / requests))
				.append(" |\n");
		}
		return table.append("| all | ")
			.append(String.format("%.2f", total / TICKS_PER_MS / requests))
			.append(" |")
			.toString();
	}

	private static Map<String, Long> sample() {
		Map<String, Long> ticks = new TreeMap<>();
		Path self = Path.of("/proc/self/task");
		if (!Files.isDirectory(self)) {
			return ticks;
		}
		try (Stream<Path> threads = Files.list(self)) {
			threads.forEach(t -> add(ticks, t.resolve("stat"), true));
		}
		catch (IOException ex) {
			return Map.of();
		}
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.forEach(p -> add(ticks, p.resolve("stat"), false));
		}
		catch (IOException ex) {
			return Map.of();
		}
		return ticks;
	}

	private static void add(Map<String, Long> ticks, Path stat, boolean jvm) {
		String line;
		try {
			line = Files.readString(stat);
		}
		catch (IOException ex) {
			return;
		}
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		String name = line.substring(open + 1, close);
		String[] fields = line.substring(close + 2).split(" ");
		String group = jvm ? "JVM: " + group(name) : name.equals("postgres") ? "PostgreSQL" : null;
		if (group != null) {
			ticks.merge(group + ", user", Long.parseLong(fields[11]), Long::sum);
			ticks.merge(group + ", kernel", Long.parseLong(fields[12]), Long::sum);
		}
	}

	private static String group(String thread) {
		if (thread.startsWith("http-nio")) {
			return "Tomcat request threads";
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

	static String threadNames() {
		try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
			return threads.map(t -> {
				try {
					String line = Files.readString(t.resolve("stat"));
					return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
				}
				catch (IOException ex) {
					return "?";
				}
			})
				.collect(Collectors.groupingBy(n -> n.replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()))
				.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
