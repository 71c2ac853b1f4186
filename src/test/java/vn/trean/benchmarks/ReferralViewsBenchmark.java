package vn.trean.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.shared.AgencyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency inbox and the referral page under load (target: p95 ≤ 50 ms), beside their
 * floor measured in the same run: a page under the same session, security chain and
 * layout that runs no query of its own. 300,000 cases across Cần Thơ's 103 communes and
 * 600,000 referrals to 400 agencies ({@link ReferralViewsData}); 20 signed-in users at
 * once: 14 focal points of busy agencies on their inbox, 3 commune officers and 3 focal
 * points opening referral pages (the share, its history, the reading logged). Not part of
 * the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=ReferralViewsBenchmark}
 * (add {@code -Dtest.pg.statements=true} for each page's statements). Results go to
 * target/benchmarks/referral-views.md.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = ReferralViewsBenchmark.FLOOR_SWITCH + "=true")
class ReferralViewsBenchmark {

	static final int CASES = Integer.getInteger("benchmark.cases", 300_000);

	static final int AGENCIES = 400;

	static final int INBOX_USERS = 14;

	static final int PAGE_USERS = 6;

	static final int REQUESTS_PER_USER = Integer.getInteger("benchmark.requests", 60);

	/** Mean think time between a user's pages (uniform ± half); 0 for a closed loop. */
	static final int THINK_MILLIS = Integer.getInteger("benchmark.think", 1000);

	static final int WARM_UP = 10;

	static final String FLOOR = "/referrals/benchmark-floor";

	/** Set only by this benchmark (see IntakeApiBenchmark.FLOOR_SWITCH). */
	static final String FLOOR_SWITCH = "trean.benchmark.referral-floor";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Geography geography;

	@Autowired
	TestUnits testUnits;

	@Autowired
	TestAccounts testAccounts;

	/** A signed-in user and the pages it opens, the i-th request's path. */
	record User(String kind, TestUserAgent agent, IntFunction<String> path) {
	}

	@Test
	void agencyInboxAndReferralPageWithSixHundredThousandReferrals() throws Exception {
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(testUnits.canTho())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
		assertThat(communes).hasSize(103);
		Long[] units = communes.stream().map(u -> u.id().value()).toArray(Long[]::new);
		Long[] officerOfUnit = new Long[units.length];
		List<String> officers = new ArrayList<>();
		for (int i = 0; i < units.length; i++) {
			officerOfUnit[i] = 0L;
			if (i < PAGE_USERS / 2) {
				officers.add(testAccounts.create(Role.COMMUNE_OFFICER, communes.get(i).code()));
				officerOfUnit[i] = userId(officers.get(i));
			}
		}
		long t0 = System.nanoTime();
		List<Long> agencies = new ReferralViewsData().generate(CASES, AGENCIES, units, officerOfUnit,
				userId(officers.get(0)));
		double generated = (System.nanoTime() - t0) / 1e9;

		List<User> users = new ArrayList<>();
		for (int i = 0; i < INBOX_USERS; i++) {
			users.add(new User("inbox", focalPoint(agencies.get(i), communes.get(i % units.length)),
					n -> "/referrals/inbox"));
		}
		for (int i = 0; i < PAGE_USERS / 2; i++) {
			List<String> pages = referralPages("unit_id", units[i], "");
			users.add(new User("sender", signedIn(officers.get(i)), n -> pages.get(n % pages.size())));
		}
		for (int i = 0; i < PAGE_USERS / 2; i++) {
			int agency = INBOX_USERS + i;
			List<String> pages = referralPages("agency_id", agencies.get(agency), "AND state <> 'DRAFT'");
			users.add(new User("agency", focalPoint(agencies.get(agency), communes.get(agency % units.length)),
					n -> pages.get(n % pages.size())));
		}
		for (User u : users) {
			for (int i = 0; i < WARM_UP; i++) {
				get(u.agent(), u.path().apply(i));
				get(u.agent(), FLOOR);
			}
		}
		String thinking = phase(users, THINK_MILLIS);
		String closedLoop = phase(users, 0);
		String statements = statements(users);
		String report = report(generated, agencies, thinking, closedLoop, statements);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/referral-views.md"), report);
		System.out.println(report);
	}

	private String report(double generated, List<Long> agencies, String thinking, String closedLoop,
			String statements) {
		long referrals = count("SELECT count(*) FROM referral");
		long open = count("SELECT count(*) FROM referral WHERE state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')");
		long overdue = count("SELECT count(*) FROM referral_deadline WHERE met_at IS NULL AND due_at < now()");
		long events = count("SELECT count(*) FROM referral_event");
		long busiest = jdbc.sql("SELECT count(*) FROM referral WHERE agency_id = ? AND state <> 'DRAFT'")
			.param(agencies.get(0))
			.query(Long.class)
			.single();
		long busiestOpen = jdbc
			.sql("SELECT count(*) FROM referral WHERE agency_id = ? AND state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')")
			.param(agencies.get(0))
			.query(Long.class)
			.single();
		return """
				# Referral views benchmark

				- %d cases, %d referrals (%d open, %d overdue clocks) to %d agencies, %d history entries, %d consents, generated in %.0f s
				- a busy agency's inbox: %d referrals, %d of them open; pages of %d rows
				- %d signed-in users at once (%d focal points of busy agencies on their inbox; %d commune officers and %d focal points opening referral pages), %d requests each after warm-up
				- floor: %s, the same users, session, security chain and layout, no query of its own, measured in the same run
				- time per request measured by the client on the same machine: the whole server time plus the loopback
				- machine: %d cores, Java %s, embedded PostgreSQL, application and load on the same machine

				## Users who read what they opened (think time %d ms ± half between pages)

				%s

				## Closed loop (no think time: every user asks again the moment a page arrives)

				%s

				## Statements per page (one user at a time)

				%s
				"""
			.formatted(CASES, referrals, open, overdue, agencies.size(), events,
					count("SELECT count(*) FROM referral_consent"), generated, busiest, busiestOpen, 50,
					INBOX_USERS + PAGE_USERS, INBOX_USERS, PAGE_USERS / 2, PAGE_USERS / 2, REQUESTS_PER_USER, FLOOR,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), THINK_MILLIS,
					thinking, closedLoop, statements);
	}

	/**
	 * The users on their pages, then the same users on the floor, with the same think
	 * time; each kind's percentiles and its p50 and p95 against the floor's.
	 */
	private String phase(List<User> users, int think) throws Exception {
		long t1 = System.nanoTime();
		Map<String, long[]> pages = run(users, think, false);
		double seconds = (System.nanoTime() - t1) / 1e9;
		long[] floor = run(users, think, true).values().stream().reduce(new long[0], ReferralViewsBenchmark::concat);
		Percentiles f = Percentiles.of(floor);
		StringBuilder table = new StringBuilder("%.0f requests/s overall on the pages%n%n"
			.formatted(pages.values().stream().mapToInt(a -> a.length).sum() / seconds)).append(Percentiles.header())
			.append("\n");
		Map<String, String> names = Map.of("inbox", "GET /referrals/inbox (focal point of a busy agency)", "sender",
				"GET /referrals/{id} (commune officer)", "agency", "GET /referrals/{id} (agency focal point)");
		StringBuilder ratios = new StringBuilder("\n\n| page | p50 / floor p50 | p95 / floor p95 |\n|---|---|---|\n");
		for (Map.Entry<String, long[]> e : pages.entrySet()) {
			Percentiles p = Percentiles.of(e.getValue());
			table.append(p.row(names.get(e.getKey()))).append("\n");
			ratios.append(
					"| %s | %.1f | %.1f |%n".formatted(names.get(e.getKey()), p.p50() / f.p50(), p.p95() / f.p95()));
		}
		table.append(f.row("floor: GET " + FLOOR + " (all 20 users)"));
		return table.append(ratios).toString();
	}

	/** Each user's requests, on its pages or on the floor, by kind of user. */
	private Map<String, long[]> run(List<User> users, int think, boolean floor) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			for (User u : users) {
				futures.add(pool.submit(() -> load(u, think, floor)));
			}
			Map<String, long[]> byKind = new LinkedHashMap<>();
			for (int i = 0; i < users.size(); i++) {
				byKind.merge(users.get(i).kind(), futures.get(i).get(), ReferralViewsBenchmark::concat);
			}
			return byKind;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long[] load(User user, int think, boolean floor) throws InterruptedException {
		long[] nanos = new long[REQUESTS_PER_USER];
		java.util.Random random = new java.util.Random(user.hashCode());
		for (int i = 0; i < REQUESTS_PER_USER; i++) {
			if (think > 0) {
				Thread.sleep(think / 2 + random.nextInt(think + 1));
			}
			String path = floor ? FLOOR : user.path().apply(WARM_UP + i);
			long start = System.nanoTime();
			get(user.agent(), path);
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	/**
	 * Each kind of page's statements, one user at a time (with
	 * -Dtest.pg.statements=true).
	 */
	private String statements(List<User> users) throws Exception {
		StringBuilder all = new StringBuilder();
		for (String kind : List.of("inbox", "sender", "agency")) {
			User user = users.stream().filter(u -> u.kind().equals(kind)).findFirst().orElseThrow();
			if (!DatabaseStatements.reset(dataSource)) {
				return "(not collected: run with -Dtest.pg.statements=true)";
			}
			int n = 100;
			for (int i = 0; i < n; i++) {
				get(user.agent(), user.path().apply(i));
			}
			all.append("### ")
				.append(kind)
				.append("\n\n")
				.append(DatabaseStatements.top(dataSource, n, 15))
				.append("\n");
		}
		return all.toString();
	}

	/**
	 * Up to 200 referral pages of the unit or agency, three in four of open referrals, in
	 * a shuffled order.
	 */
	private List<String> referralPages(String column, long value, String condition) {
		List<String> pages = jdbc.sql("""
				(SELECT id FROM referral WHERE %1$s = :v %2$s AND state IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
				  ORDER BY hashtext(id::text) LIMIT 150)
				UNION ALL
				(SELECT id FROM referral WHERE %1$s = :v %2$s AND state NOT IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
				  ORDER BY hashtext(id::text) LIMIT 50)""".formatted(column, condition))
			.param("v", value)
			.query(java.util.UUID.class)
			.list()
			.stream()
			.map(id -> "/referrals/" + id)
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
		java.util.Collections.shuffle(pages, new java.util.Random(value));
		assertThat(pages).hasSizeGreaterThan(50);
		return pages;
	}

	private TestUserAgent focalPoint(long agency, AdministrativeUnit unit) {
		return signedIn(testAccounts.create(Role.AGENCY_FOCAL_POINT, unit.code(), new AgencyId(agency), true));
	}

	private TestUserAgent signedIn(String username) {
		TestUserAgent agent = new TestUserAgent(port);
		agent.signIn(username);
		return agent;
	}

	private static void get(TestUserAgent agent, String path) {
		TestUserAgent.Response response = agent.get(path);
		if (response.status() != 200) {
			throw new IllegalStateException(path + " answered " + response.status());
		}
	}

	private static long[] concat(long[] a, long[] b) {
		long[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
	}

	/**
	 * The floor: the layout of a page and a heading, through the same session, security
	 * chain and model attributes of every page (the signed-in user, the unread count),
	 * with no query of its own. Only where {@link #FLOOR_SWITCH} is set: this benchmark's
	 * context.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import(FloorController.class)
	static class Floor {

	}

	@Controller
	@ConditionalOnProperty(FLOOR_SWITCH)
	static class FloorController {

		@GetMapping(FLOOR)
		String floor(Actor actor) {
			actor.signedIn();
			return "benchmarks/floor";
		}

	}

}
