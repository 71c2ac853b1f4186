package vn.trean.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.trean.IntegrationTest;
import vn.trean.TestUnits;
import vn.trean.identity.Accounts;
import vn.trean.identity.ApiClient;
import vn.trean.identity.ApiPermission;
import vn.trean.identity.ApiTokens;
import vn.trean.intake.ReportDraft;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake API throughput and latency beside the ceiling measured in the same run: a plain
 * JDBC insert of equivalent rows (child, report, report_child) with the same concurrency
 * (target: ≥ 0.5 of the ceiling, p99 ≤ 50 ms). Two floors are measured in the same run:
 * the same POST answered by an endpoint that does nothing (the server, the security
 * chain, the token check and the JSON reading) and the smallest public GET (the bare
 * server); and the CPU time each run takes, by JVM thread group and PostgreSQL. Not part
 * of the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=IntakeApiBenchmark}.
 * Results go to target/benchmarks/intake-api-N-clients.md.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = IntakeApiBenchmark.FLOOR_SWITCH + "=true")
class IntakeApiBenchmark {

	static final int REQUESTS = Integer.getInteger("benchmark.requests", 4_000);

	static final int WARM_UP = Integer.getInteger("benchmark.warmup", 500);

	static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 8);

	private static final java.util.concurrent.atomic.AtomicLong REFERENCES = new java.util.concurrent.atomic.AtomicLong();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUnits testUnits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void intakeApiAgainstAPlainInsert() throws Exception {
		long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'demo.admin'").query(Long.class).single();
		long agency = jdbc.sql("SELECT id FROM agency WHERE sector = 'HOTLINE' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		String token = tokens
			.issue(vn.trean.identity.Actor.of(accounts.current(adminId).orElseThrow(), "127.0.0.1"), "benchmark",
					new AgencyId(agency), EnumSet.of(ApiPermission.INTAKE))
			.token();
		long place = testUnits.caiKhe().value();
		HttpClient http = HttpClient.newHttpClient();

		Call api = i -> post(http, token, place, i);
		run(WARM_UP, api);
		boolean statements = DatabaseStatements.reset(dataSource);
		DatabaseWaits waits = DatabaseWaits.start(dataSource);
		AtomicReference<String> apiWaits = new AtomicReference<>();
		// the cases opened in the background from the reports finish after the answers
		Run apiRun = measure(api, () -> apiWaits.set(waits.stop()), 3000);
		String apiStatements = statements
				? DatabaseStatements.top(dataSource, REQUESTS, Integer.getInteger("benchmark.statements", 25))
				: "(not collected: run with -Dtest.pg.statements=true)";

		// the floor: the same request through the same server, security chain, token
		// check and JSON reading, answered without doing anything
		Call floor = i -> post(http, token, place, i, FLOOR);
		run(WARM_UP, floor);
		Run floorRun = measure(floor, () -> {
		}, 0);

		// the bare server: the smallest public request, no body, no token, no database
		Call bare = i -> get(http, HEALTH);
		run(WARM_UP, bare);
		Run bareRun = measure(bare, () -> {
		}, 0);

		Call ceiling = i -> insert(place, i);
		assertThat(run(WARM_UP, ceiling)).hasSize(WARM_UP);
		Run ceilingRun = measure(ceiling, () -> {
		}, 0);

		double ceilingRate = ceilingRun.rate();
		String report = """
				# Intake API benchmark

				- %d requests after %d warm-up, %d concurrent clients, each a new emergency report with one child
				- machine: %d cores, Java %s, embedded PostgreSQL 14, application and load on the same machine

				| path | throughput /s | ratio to the ceiling |
				|---|---|---|
				| POST /api/v1/reports | %.0f | %.2f |
				| floor: a POST answered without doing anything, through the same server, security and token check | %.0f | %.2f |
				| bare server: GET /actuator/health/liveness (no body, no token, no database) | %.0f | %.2f |
				| ceiling: plain JDBC insert of child + report + report_child | %.0f | 1 |

				%s
				%s
				%s
				%s
				%s

				CPU time per request during the API run (the background work of its reports included, 3 s after the last answer):

				%s

				CPU time per request during the floor run:

				%s

				CPU time per request during the bare server run:

				%s

				CPU time per insert during the ceiling run:

				%s

				JVM threads: %s

				What PostgreSQL's backends were doing during the API run (pg_stat_activity sampled every 20 ms):

				%s

				The statements that took PostgreSQL's time during the API run (pg_stat_statements; per report, the case opened from it included):

				%s
				"""
			.formatted(REQUESTS, WARM_UP, CONCURRENCY, Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"), apiRun.rate(), apiRun.rate() / ceilingRate, floorRun.rate(),
					floorRun.rate() / ceilingRate, bareRun.rate(), bareRun.rate() / ceilingRate, ceilingRate,
					Percentiles.header(), Percentiles.of(apiRun.nanos()).row("POST /api/v1/reports"),
					Percentiles.of(floorRun.nanos()).row("floor POST"),
					Percentiles.of(bareRun.nanos()).row("bare server GET"),
					Percentiles.of(ceilingRun.nanos()).row("plain JDBC insert"), apiRun.cpu(), floorRun.cpu(),
					bareRun.cpu(), ceilingRun.cpu(), CpuAccount.threadNames(), apiWaits.get(), apiStatements);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/intake-api-" + CONCURRENCY + "-clients.md"), report);
		System.out.println(report);
	}

	static final String FLOOR = "/api/v1/reports/benchmark-floor";

	static final String HEALTH = "/actuator/health/liveness";

	/**
	 * Set only by this benchmark: a context started from the application class itself
	 * (the demo start, the audit command's test) scans the test classes without the test
	 * filter.
	 */
	static final String FLOOR_SWITCH = "trean.benchmark.floor-endpoint";

	/**
	 * The floor's endpoint: reads the report into a {@code ReportDraft} and answers 201
	 * with a body of the same shape, without validating, storing or publishing anything.
	 * Only where {@link #FLOOR_SWITCH} is set: this benchmark's context.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import(FloorController.class)
	static class Floor {

	}

	@RestController
	@ConditionalOnProperty(FLOOR_SWITCH)
	static class FloorController {

		private final JsonMapper json;

		FloorController(JsonMapper json) {
			this.json = json;
		}

		// open to every token, as the real endpoint is (it checks the token's permission
		// itself)
		@vn.trean.identity.Requires({})
		@PostMapping(path = FLOOR, consumes = MediaType.APPLICATION_JSON_VALUE,
				produces = MediaType.APPLICATION_JSON_VALUE)
		ResponseEntity<String> floor(@AuthenticationPrincipal ApiClient client,
				@RequestHeader(name = "Idempotency-Key") String key, @RequestBody byte[] body) {
			ReportDraft draft = json.readValue(body, ReportDraft.class);
			UUID id = UUID.randomUUID();
			return ResponseEntity.created(URI.create("/api/v1/reports/" + id))
				.contentType(MediaType.APPLICATION_JSON)
				.body(json.writeValueAsString(Map.of("id", id.toString(), "referenceCode", key, "receivedAt",
						Instant.now().toString(), "urgency", draft.channel().name(), "routedTo", client.tokenId())));
		}

	}

	/** What one measured run gave: each request's time, the rate, the CPU time table. */
	private record Run(long[] nanos, double rate, String cpu) {
	}

	/** Work done between a run's last answer and the reading of its CPU time. */
	interface Step {

		void run() throws Exception;

	}

	/**
	 * Times {@link #REQUESTS} calls and reads the CPU time they took,
	 * {@code settleMillis} after the last answer (for work they leave running in the
	 * background).
	 */
	private Run measure(Call call, Step afterRun, long settleMillis) throws Exception {
		CpuAccount cpu = CpuAccount.start(dataSource);
		long start = System.nanoTime();
		long[] nanos = run(REQUESTS, call);
		double seconds = (System.nanoTime() - start) / 1e9;
		afterRun.run();
		Thread.sleep(settleMillis);
		return new Run(nanos, REQUESTS / seconds, cpu.perRequest(REQUESTS));
	}

	interface Call {

		void call(int index) throws Exception;

	}

	private long[] run(int count, Call call) throws Exception {
		long[] nanos = new long[count];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
		try {
			Future<?>[] workers = new Future<?>[CONCURRENCY];
			for (int w = 0; w < CONCURRENCY; w++) {
				workers[w] = pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < count) {
						long start = System.nanoTime();
						call.call(i);
						nanos[i] = System.nanoTime() - start;
					}
					return null;
				});
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return nanos;
	}

	private void post(HttpClient http, String token, long place, int i) throws IOException, InterruptedException {
		post(http, token, place, i, "/api/v1/reports");
	}

	private void post(HttpClient http, String token, long place, int i, String path)
			throws IOException, InterruptedException {
		String body = """
				{"channel":"HOTLINE_111","reporterAnonymous":true,"contactType":"HARM","harmForms":["VIOLENCE"],
				 "placeUnit":%d,"account":"Benchmark report %d: a neighbour hears a child being beaten.",
				 "dangerSigns":["INJURIES_NEEDING_CARE"],
				 "children":[{"fullName":"Nguyễn Văn Bench%d","sex":"MALE","approximateAge":9}]}""".formatted(place, i,
				i);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
	}

	private void get(HttpClient http, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
	}

	private void insert(long place, int i) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long child;
			try (PreparedStatement ps = c.prepareStatement(
					"""
							INSERT INTO child (full_name, name_key, given_key, sex, birth_date, birth_date_approximate, birth_year,
							  demo, created_at) VALUES (?, ?, ?, 'MALE', DATE '2017-01-01', true, 2017, true, now()) RETURNING id""")) {
				ps.setString(1, "Nguyễn Văn Ceil" + i);
				ps.setString(2, "nguyen van ceil" + i);
				ps.setString(3, "ceil" + i);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					child = rs.getLong(1);
				}
			}
			UUID id = UUID.randomUUID();
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO report (id, reference_code, received_at, channel, reporter_anonymous, contact_type,
					  harm_forms, place_unit_id, account, danger_signs, urgency, emergency_decision_due, routed_unit_id,
					  status) VALUES (?, ?, ?, 'HOTLINE_111', true, 'HARM', 'VIOLENCE', ?, ?, 'INJURIES_NEEDING_CARE',
					  'EMERGENCY', ?, ?, 'RECEIVED')""")) {
				Instant now = Instant.now();
				ps.setObject(1, id);
				ps.setString(2, String.format("X%09d", REFERENCES.incrementAndGet()));
				ps.setTimestamp(3, Timestamp.from(now));
				ps.setLong(4, place);
				ps.setString(5, "Ceiling report " + i);
				ps.setTimestamp(6, Timestamp.from(now.plusSeconds(12 * 3600)));
				ps.setLong(7, place);
				ps.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO report_child (report_id, position, child_id, full_name, sex, approximate_age)
					VALUES (?, 0, ?, ?, 'MALE', 9)""")) {
				ps.setObject(1, id);
				ps.setLong(2, child);
				ps.setString(3, "Nguyễn Văn Ceil" + i);
				ps.executeUpdate();
			}
			c.commit();
		}
	}

}
