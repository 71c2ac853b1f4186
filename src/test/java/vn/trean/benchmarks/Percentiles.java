package vn.trean.benchmarks;

import java.util.Arrays;

/** Latency percentiles of a benchmark run, in milliseconds. */
public record Percentiles(int samples, double p50, double p95, double p99, double max) {

	public static Percentiles of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	public String row(String name) {
		return String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f |", name, samples, p50, p95, p99, max);
	}

	public static String header() {
		return "| what | samples | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|";
	}

}
