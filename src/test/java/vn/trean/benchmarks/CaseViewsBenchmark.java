package vn.trean.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case lists under load (target: p95 ≤ 50 ms): 300,000 cases across Cần Thơ's 103
 * communes (one in ten open, with running and overdue clocks) and 3,000,000 timeline
 * entries in PostgreSQL; 20 signed-in users at once, officers opening "my cases" and
 * provincial managers opening "overdue in the province", each page rendered in full. Not
 * part of the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=CaseViewsBenchmark}.
 * Results go to target/benchmarks/case-views.md.
 */
@Tag("benchmark")
@IntegrationTest
class CaseViewsBenchmark {

	static final int CASES = Integer.getInteger("benchmark.cases", 300_000);

	static final int ENTRIES_PER_CASE = 10;

	static final int OFFICERS = 14;

	static final int MANAGERS = 6;

	static final int REQUESTS_PER_USER = Integer.getInteger("benchmark.requests", 60);

	/** Mean think time between a user's pages (uniform ± half); 0 for a closed loop. */
	static final int THINK_MILLIS = Integer.getInteger("benchmark.think", 1000);

	static final int WARM_UP = 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestAccounts testAccounts;

	@Test
	void myCasesAndOverdueInTheProvinceWithThreeHundredThousandCases() throws Exception {
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(testUnits.canTho())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
		assertThat(communes).hasSize(103);
		List<String> officers = new ArrayList<>();
		Long[] units = new Long[communes.size()];
		Long[] officerOfUnit = new Long[communes.size()];
		for (int i = 0; i < communes.size(); i++) {
			units[i] = communes.get(i).id().value();
			if (i < OFFICERS) {
				String officer = testAccounts.create(Role.COMMUNE_OFFICER, communes.get(i).code());
				officers.add(officer);
				officerOfUnit[i] = userId(officer);
			}
			else {
				officerOfUnit[i] = 0L;
			}
		}
		List<String> managers = new ArrayList<>();
		for (int i = 0; i < MANAGERS; i++) {
			managers.add(testAccounts.create(Role.PROVINCIAL_MANAGER, "92"));
		}
		long t0 = System.nanoTime();
		generate(units, officerOfUnit);
		double generated = (System.nanoTime() - t0) / 1e9;

		List<TestUserAgent> officerAgents = signedIn(officers);
		List<TestUserAgent> managerAgents = signedIn(managers);
		// warm-up
		for (TestUserAgent agent : officerAgents) {
			for (int i = 0; i < WARM_UP / 4; i++) {
				get(agent, "/cases");
			}
		}
		for (TestUserAgent agent : managerAgents) {
			for (int i = 0; i < WARM_UP / 4; i++) {
				get(agent, "/cases/overdue");
			}
		}

		String thinking = phase(officerAgents, managerAgents, THINK_MILLIS);
		String closedLoop = phase(officerAgents, managerAgents, 0);
		long open = jdbc.sql("SELECT count(*) FROM protection_case WHERE closed_at IS NULL").query(Long.class).single();
		long late = jdbc.sql("SELECT count(*) FROM case_deadline WHERE met_at IS NULL AND due_at < now()")
			.query(Long.class)
			.single();
		long entries = jdbc.sql("SELECT count(*) FROM case_entry").query(Long.class).single();
		String report = """
				# Case views benchmark

				- %d cases (%d open, %d overdue clocks), %d timeline entries, generated in %.0f s
				- %d signed-in users at once (%d officers on "my cases", %d provincial managers on "overdue in the province"), %d requests each after warm-up; pages of %d rows
				- time per request measured by the client on the same machine: the whole server time plus the loopback
				- machine: %d cores, Java %s, embedded PostgreSQL, application and load on the same machine

				## Users who read what they opened (think time %d ms ± half between pages)

				%s

				## Closed loop (no think time: every user asks again the moment a page arrives)

				%s
				"""
			.formatted(CASES, open, late, entries, generated, OFFICERS + MANAGERS, OFFICERS, MANAGERS,
					REQUESTS_PER_USER, vn.trean.cases.CaseManagement.PAGE_SIZE,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), THINK_MILLIS,
					thinking, closedLoop);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/case-views.md"), report);
		System.out.println(report);
	}

	private String phase(List<TestUserAgent> officerAgents, List<TestUserAgent> managerAgents, int think)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(OFFICERS + MANAGERS);
		List<Future<long[]>> mine = new ArrayList<>();
		List<Future<long[]>> overdue = new ArrayList<>();
		long t1 = System.nanoTime();
		try {
			for (TestUserAgent agent : officerAgents) {
				mine.add(pool.submit(() -> load(agent, "/cases", think)));
			}
			for (TestUserAgent agent : managerAgents) {
				overdue.add(pool.submit(() -> load(agent, "/cases/overdue", think)));
			}
			long[] mineNanos = join(mine);
			long[] overdueNanos = join(overdue);
			double seconds = (System.nanoTime() - t1) / 1e9;
			return "%.0f requests/s overall%n%n%s%n%s%n%s".formatted((mineNanos.length + overdueNanos.length) / seconds,
					Percentiles.header(), Percentiles.of(mineNanos).row("GET /cases (my cases, officer)"),
					Percentiles.of(overdueNanos).row("GET /cases/overdue (provincial manager)"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void generate(Long[] units, Long[] officerOfUnit) {
		jdbc.sql("""
				INSERT INTO protection_case (id, reference_code, unit_id, assigned_officer_id, status, urgency, cycle,
				  opened_at, received_at, closed_at, version, demo)
				SELECT gen_random_uuid(), 'BM-' || lpad(g::text, 7, '0'),
				  (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
				  NULLIF((CAST(:officers AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))], 0),
				  CASE WHEN g % 10 = 0 THEN (ARRAY['VERIFYING','NEEDS_ASSESSMENT','PLANNING','AWAITING_APPROVAL',
				    'IN_IMPLEMENTATION'])[1 + (g / 10) % 5] ELSE 'CLOSED' END,
				  CASE WHEN g % 7 = 0 THEN 'EMERGENCY' WHEN g % 3 = 0 THEN 'HIGH' ELSE 'NORMAL' END, 1,
				  now() - ((g % 2000) * interval '1 day') - interval '1 day',
				  now() - ((g % 2000) * interval '1 day') - interval '1 day',
				  CASE WHEN g % 10 = 0 THEN NULL ELSE now() - ((g % 1000) * interval '1 day') END, 0, TRUE
				FROM generate_series(1, :cases) g""")
			.param("units", units)
			.param("officers", officerOfUnit)
			.param("cases", CASES)
			.update();
		// a met clock for every closed case; one or two running clocks per open case, a
		// third of them overdue
		jdbc.sql("""
				INSERT INTO case_deadline (case_id, step, started_at, due_at, met_at)
				SELECT id, 'PLAN', opened_at, opened_at + interval '7 days', opened_at + interval '5 days'
				FROM protection_case WHERE closed_at IS NOT NULL AND reference_code LIKE 'BM-%'""").update();
		jdbc.sql("""
				INSERT INTO case_deadline (case_id, step, started_at, due_at, escalation)
				SELECT id, (ARRAY['VERIFICATION','PLAN','APPROVAL','REVIEW'])[1 + abs(hashtext(id::text)) % 4],
				  opened_at, now() + ((abs(hashtext(id::text)) % 30 - 10) * interval '1 day'),
				  CASE WHEN abs(hashtext(id::text)) % 30 < 10 THEN 'OVERDUE' ELSE 'NONE' END
				FROM protection_case WHERE closed_at IS NULL AND reference_code LIKE 'BM-%'""").update();
		jdbc.sql("""
				INSERT INTO case_deadline (case_id, step, started_at, due_at)
				SELECT id, 'EMERGENCY_DECISION', opened_at, now() + ((abs(hashtext(reference_code)) % 48 - 24)
				  * interval '1 hour')
				FROM protection_case WHERE closed_at IS NULL AND urgency = 'EMERGENCY'
				  AND reference_code LIKE 'BM-%'""").update();
		// the steady state: the escalation job has already raised what is due, so the
		// measurement is of the pages, not of the job catching up with a backlog
		jdbc.sql("""
				UPDATE case_deadline SET escalation = CASE WHEN due_at < now() - interval '24 hours' THEN 'PROVINCE'
				  WHEN due_at < now() THEN 'OVERDUE' WHEN due_at < now() + interval '24 hours' THEN 'DUE_SOON'
				  ELSE 'NONE' END
				WHERE met_at IS NULL""").update();
		jdbc.sql("""
				UPDATE protection_case p SET next_deadline_at = d.due_at, next_deadline_step = d.step
				FROM (SELECT DISTINCT ON (case_id) case_id, due_at, step FROM case_deadline WHERE met_at IS NULL
				  ORDER BY case_id, due_at) d
				WHERE d.case_id = p.id""").update();
		jdbc.sql("""
				INSERT INTO case_entry (case_id, at, actor_name, kind, visibility, text)
				SELECT p.id, p.opened_at + s * interval '1 hour', 'Cán bộ (benchmark)',
				  (ARRAY['NOTE','FORM_SAVED','SERVICE_DELIVERED','ASSIGNED','VERIFICATION_STARTED'])[1 + s % 5],
				  'CASE_TEAM', 'Ghi chú mô phỏng số ' || s
				FROM protection_case p CROSS JOIN generate_series(1, :n) s
				WHERE p.reference_code LIKE 'BM-%'""").param("n", ENTRIES_PER_CASE).update();
		vn.trean.TestDatabase.asOwner("ANALYZE");
	}

	private List<TestUserAgent> signedIn(List<String> usernames) {
		List<TestUserAgent> agents = new ArrayList<>();
		for (String username : usernames) {
			TestUserAgent agent = new TestUserAgent(port);
			agent.signIn(username);
			agents.add(agent);
		}
		return agents;
	}

	private long[] load(TestUserAgent agent, String path, int think) throws InterruptedException {
		long[] nanos = new long[REQUESTS_PER_USER];
		java.util.Random random = new java.util.Random(path.hashCode() * 31L + agent.hashCode());
		for (int i = 0; i < REQUESTS_PER_USER; i++) {
			if (think > 0) {
				Thread.sleep(think / 2 + random.nextInt(think + 1));
			}
			long start = System.nanoTime();
			get(agent, path);
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	private static void get(TestUserAgent agent, String path) {
		TestUserAgent.Response response = agent.get(path);
		if (response.status() != 200) {
			throw new IllegalStateException(path + " answered " + response.status());
		}
	}

	private static long[] join(List<Future<long[]>> futures) throws Exception {
		List<long[]> parts = new ArrayList<>();
		int total = 0;
		for (Future<long[]> f : futures) {
			long[] part = f.get();
			parts.add(part);
			total += part.length;
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

}
