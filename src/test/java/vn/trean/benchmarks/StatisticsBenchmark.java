package vn.trean.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import vn.trean.ReportDrafts;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.cases.CaseId;
import vn.trean.cases.TestCommune;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.Role;
import vn.trean.intake.HarmForm;
import vn.trean.statistics.StatisticsBenchmarkProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's yearly 0101 table and the KPI dashboard with 300,000 cases, 1,000,000
 * reports and 500,000 special-circumstance entries in the read model (target: p95 ≤ 200
 * ms each, no cache), beside their floor measured in the same run (a page through the
 * same session, security chain and layout that runs no query of its own); and the read
 * model's update cost per event (a real case re-derived from its module) beside a plain
 * one-row insert into the same table. Not part of the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=StatisticsBenchmark}.
 * Results go to target/benchmarks/statistics.md.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = StatisticsBenchmark.FLOOR_SWITCH + "=true")
@Import(StatisticsBenchmarkProbe.class)
class StatisticsBenchmark {

	static final int CASES = Integer.getInteger("benchmark.cases", 300_000);

	static final int REPORTS = Integer.getInteger("benchmark.reports", 1_000_000);

	static final int CIRCUMSTANCES = Integer.getInteger("benchmark.circumstances", 500_000);

	static final int REQUESTS = Integer.getInteger("benchmark.requests", 100);

	static final int EVENTS = Integer.getInteger("benchmark.events", 300);

	static final int WARM_UP = 10;

	static final String FLOOR = "/statistics/benchmark-floor";

	/** Set only by this benchmark (see IntakeApiBenchmark.FLOOR_SWITCH). */
	static final String FLOOR_SWITCH = "trean.benchmark.statistics-floor";

	static final String TABLE = "/statistics/tables/0101?period=2025&unit=92";

	static final String DASHBOARD = "/statistics/dashboard?unit=92";

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

	@Autowired
	TestCommune commune;

	@Autowired
	StatisticsBenchmarkProbe probe;

	@Autowired
	vn.trean.statistics.StatisticsUnits units;

	@Test
	void cityTableAndDashboardWithThreeHundredThousandCases() throws Exception {
		Long[] communes = geography.currentUnitsWithin(testUnits.canTho())
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.map(u -> u.id().value())
			.toArray(Long[]::new);
		assertThat(communes).hasSize(103);
		long t0 = System.nanoTime();
		long rows = new StatisticsData(jdbc).generate(CASES, REPORTS, CIRCUMSTANCES, communes);
		vn.trean.TestDatabase.asOwner("VACUUM ANALYZE");
		double generated = (System.nanoTime() - t0) / 1e9;

		TestUserAgent manager = new TestUserAgent(port);
		manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, TestUnits.CAN_THO));
		String pages = Percentiles.header() + "\n" + measure(manager, TABLE).row("GET " + TABLE) + "\n"
				+ measure(manager, DASHBOARD).row("GET " + DASHBOARD) + "\n"
				+ measure(manager, FLOOR).row("floor: GET " + FLOOR);
		String events = events();
		System.out.println(probe.diagnose(units.of(geography.get(testUnits.canTho())),
				vn.trean.statistics.StatisticsPeriod.halfYearOf(java.time.LocalDate.now(vn.trean.shared.Time.ZONE))));
		String report = """
				# Statistics benchmark

				- read model: %d cases, %d reports, %d special-circumstance entries (%d rows in all), generated in %.0f s
				- one provincial manager, %d requests per page after %d warm-up, one after another (no cache: every
				  request computes its figures)
				- machine: %d cores, Java %s, embedded PostgreSQL, application and client on the same machine

				## Pages

				%s

				## Update cost per event (%d events)

				%s
				"""
			.formatted(CASES, REPORTS, CIRCUMSTANCES, rows, generated, REQUESTS, WARM_UP,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), pages, EVENTS,
					events);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/statistics.md"), report);
		System.out.println(report);
	}

	private Percentiles measure(TestUserAgent agent, String path) {
		for (int i = 0; i < WARM_UP; i++) {
			get(agent, path);
		}
		long[] nanos = new long[REQUESTS];
		for (int i = 0; i < REQUESTS; i++) {
			long start = System.nanoTime();
			get(agent, path);
			nanos[i] = System.nanoTime() - start;
		}
		return Percentiles.of(nanos);
	}

	/**
	 * A real case's rows re-derived from the cases module, as a listener does for each
	 * event, against a plain one-row insert into the read model's case table, each in its
	 * own transaction.
	 */
	private String events() {
		List<CaseId> cases = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			cases.add(commune.reported(ReportDrafts.at(testUnits.id("31147"))
				.withChild("Nguyễn Văn Bảo " + i, 8)
				.withHarm(HarmForm.VIOLENCE)
				.build()));
		}
		long[] derived = new long[EVENTS];
		long[] inserted = new long[EVENTS];
		for (int i = 0; i < EVENTS + WARM_UP; i++) {
			CaseId id = cases.get(i % cases.size());
			long start = System.nanoTime();
			probe.rederive(id);
			long middle = System.nanoTime();
			probe.plainInsert(UUID.randomUUID(), testUnits.id("31147").value());
			long end = System.nanoTime();
			if (i >= WARM_UP) {
				derived[i - WARM_UP] = middle - start;
				inserted[i - WARM_UP] = end - middle;
			}
		}
		jdbc.sql("DELETE FROM stat_case WHERE officer_id = -999").update();
		return Percentiles.header() + "\n" + Percentiles.of(derived).row("a case's rows re-derived (one event)") + "\n"
				+ Percentiles.of(inserted).row("plain insert of one stat_case row");
	}

	private static void get(TestUserAgent agent, String path) {
		TestUserAgent.Response response = agent.get(path);
		if (response.status() != 200) {
			throw new IllegalStateException(path + " answered " + response.status());
		}
	}

	/** The floor page: the layout and a heading, no query of its own. */
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
