package vn.trean.plans;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.IntegrationTest;
import vn.trean.TestAccounts;
import vn.trean.TestUnits;
import vn.trean.TestUserAgent;
import vn.trean.benchmarks.Percentiles;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitHistory;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;
import vn.trean.registers.RegisterCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city dashboard without a precomputed cache (target: a p95 of at most 300 ms): about
 * 1,000,000 register rows (workforce members, trainings and their participants,
 * communication events and the households they reached, facilities and their checks,
 * interview rooms) over Cần Thơ's 103 communes and 2020–2025, and a plan of 2020–2025
 * with Plan 55/KH-UBND's indicators and approved yearly reports of every commune. Times
 * the whole computation of the dashboard (every indicator × 103 communes × 6 years) and
 * GETs of the page. In the package {@code plans} because the computation is
 * package-private. Not part of the suite: run with
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=none -Dtest=PlanDashboardBenchmark}.
 * Results go to target/benchmarks/plan-dashboard.md.
 */
@Tag("benchmark")
@IntegrationTest
class PlanDashboardBenchmark {

	static final int MEMBERS = 200_000;

	static final int TRAININGS = 5_000;

	static final int PARTICIPANTS = 300_000;

	static final int EVENTS = 20_000;

	static final int HOUSEHOLDS = 300_000;

	static final int FACILITIES = 10_000;

	static final int CHECKS = 180_000;

	static final int ROOMS = 1_000;

	static final int WARM_UP = 20;

	static final int RUNS = Integer.getInteger("benchmark.runs", 200);

	static final int GETS = Integer.getInteger("benchmark.gets", 30);

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
	PlanRepository plans;

	@Autowired
	PlanDashboards dashboards;

	@Autowired
	RegisterCounts registerCounts;

	@Test
	void theCityDashboardOfEveryIndicatorCommuneAndYearFromAMillionRegisterRows() throws Exception {
		UnitId canTho = testUnits.canTho();
		List<AdministrativeUnit> communes = geography.currentUnitsWithin(canTho)
			.stream()
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.toList();
		assertThat(communes).hasSize(103);
		Long[] units = communes.stream().map(u -> u.id().value()).toArray(Long[]::new);
		long planId = plan(canTho, units);

		long t0 = System.nanoTime();
		LocalDate lastOldDay = LocalDate.of(2025, 6, 30);
		Long[] oldUnits = geography.history(canTho)
			.groups(UnitHistory.View.CURRENT_COMMUNES)
			.keySet()
			.stream()
			.map(geography::get)
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE && u.validOn(lastOldDay))
			.map(u -> u.id().value())
			.toArray(Long[]::new);
		assertThat(oldUnits).hasSize(263);
		generate(units, oldUnits);
		double generated = (System.nanoTime() - t0) / 1e9;
		long rows = jdbc.sql("""
				SELECT (SELECT count(*) FROM workforce_member) + (SELECT count(*) FROM training)
				  + (SELECT count(*) FROM training_participant) + (SELECT count(*) FROM communication_event)
				  + (SELECT count(*) FROM communication_event_household) + (SELECT count(*) FROM facility)
				  + (SELECT count(*) FROM facility_check) + (SELECT count(*) FROM interview_room)""")
			.query(Long.class)
			.single();

		Plan plan = plans.find(planId).orElseThrow();
		// -Dbenchmark.inspect=N keeps the generated database for N seconds before timing,
		// for EXPLAIN from psql (the port is in the log)
		long inspect = Long.getLong("benchmark.inspect", 0);
		if (inspect > 0) {
			System.out.println("inspect: " + jdbc.sql("SELECT current_setting('port')").query(String.class).single());
			Thread.sleep(inspect * 1000);
		}
		PlanDashboards.Values values = null;
		for (int i = 0; i < WARM_UP; i++) {
			values = dashboards.values(plan);
		}
		long[] dashboard = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			values = dashboards.values(plan);
			dashboard[i] = System.nanoTime() - start;
		}
		long[] byDistrict = new long[RUNS / 2];
		for (int i = 0; i < byDistrict.length; i++) {
			long start = System.nanoTime();
			dashboards.values(plan, UnitHistory.View.OLD_DISTRICTS);
			byDistrict[i] = System.nanoTime() - start;
		}
		int cells = values.indicators().stream().filter(v -> v.note() == null).mapToInt(v -> 1).sum();
		PlanDashboards.IndicatorValues trained = values.indicators()
			.stream()
			.filter(v -> v.indicator().code().equals("2.1"))
			.findFirst()
			.orElseThrow();
		Progress.Cell city2025 = trained.city().get(2025);

		// every register count (also the households reached, which no register indicator
		// of the plan uses): the four families of queries
		Set<RegisterCounts.Count> all = EnumSet.allOf(RegisterCounts.Count.class);
		long[] allCounts = new long[RUNS / 2];
		for (int i = 0; i < allCounts.length; i++) {
			long start = System.nanoTime();
			registerCounts.countsByCommune(canTho, 2020, 2025, all);
			allCounts[i] = System.nanoTime() - start;
		}

		// each family of counts alone: where the time of the computation goes
		StringBuilder families = new StringBuilder();
		for (RegisterCounts.Count first : List.of(RegisterCounts.Count.WORKFORCE, RegisterCounts.Count.SCHOOLS,
				RegisterCounts.Count.INTERVIEW_ROOMS, RegisterCounts.Count.HOUSEHOLDS_REACHED)) {
			long[] family = new long[RUNS / 4];
			for (int i = 0; i < family.length; i++) {
				long start = System.nanoTime();
				registerCounts.countsByCommune(canTho, 2020, 2025, EnumSet.of(first));
				family[i] = System.nanoTime() - start;
			}
			families.append(Percentiles.of(family).row("register counts of the family of " + first + " (alone)"))
				.append('\n');
		}
		long[] reported = new long[RUNS / 4];
		for (int i = 0; i < reported.length; i++) {
			long start = System.nanoTime();
			dashboards.reportedFigures(plan);
			reported[i] = System.nanoTime() - start;
		}
		families.append(Percentiles.of(reported).row("approved yearly figures of every unit (one query)"));

		TestUserAgent manager = new TestUserAgent(port);
		assertThat(manager.signIn(testAccounts.create(Role.PROVINCIAL_MANAGER, "92")).status()).isEqualTo(302);
		for (int i = 0; i < GETS; i++) {
			assertThat(manager.get("/plans/" + planId + "/dashboard?year=2025").status()).isEqualTo(200);
		}
		long[] gets = new long[GETS];
		int bytes = 0;
		for (int i = 0; i < GETS; i++) {
			long start = System.nanoTime();
			TestUserAgent.Response response = manager.get("/plans/" + planId + "/dashboard?year=" + (2020 + i % 6));
			gets[i] = System.nanoTime() - start;
			assertThat(response.status()).isEqualTo(200);
			bytes = Math.max(bytes, response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}

		String report = """
				# Plan dashboard benchmark

				- %,d register rows (%,d workforce members, %,d trainings, %,d training participants, %,d communication events, %,d households reached, %,d facilities, %,d facility checks, %,d interview rooms) over %d communes and 2020–2025, generated in %.0f s
				- a plan of 2020–2025 with Plan 55/KH-UBND's %d indicators (%d with a value: register or reported), targets for the city and every commune, approved yearly reports of every commune and year
				- the computation: every indicator × %d communes and the city × 6 years, no cache (`PlanDashboards.values`: the register counts in one query per family, the approved yearly figures in one query, the targets in one query); %d runs after %d warm-up; the page %d GETs after as many warm-up
				- indicator 2.1 for the city in 2025: %s / %s = %s %%
				- records dated before 1 July 2025 lie on the 263 communes of the time, later ones on today's 103; the dashboard puts the old communes merged whole on today's communes (the rest to review)
				- machine: %d cores, Java %s, embedded PostgreSQL, application and load on the same machine; %s

				%s
				%s
				%s
				%s
				%s
				%s

				Largest page: %,d bytes of HTML.
				"""
			.formatted(rows, MEMBERS, TRAININGS, PARTICIPANTS, EVENTS, HOUSEHOLDS, FACILITIES, CHECKS, ROOMS,
					communes.size(), generated, values.indicators().size(), cells, communes.size(), RUNS, WARM_UP, GETS,
					city2025.numerator(), city2025.denominator(), city2025.valueText(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Boolean.getBoolean("benchmark.quiet") ? "nothing else ran on the machine"
							: "the machine was not quiet (other builds ran at the same time)",
					Percentiles.header(),
					Percentiles.of(dashboard).row("dashboard computation (all indicators × 103 communes × 6 years)"),
					Percentiles.of(byDistrict).row("the same by the 28 old districts"),
					Percentiles.of(allCounts).row("all register counts, four families (× 103 communes × 6 years)"),
					Percentiles.of(gets).row("GET /plans/{id}/dashboard?year=… (whole page, signed in)"),
					families.toString().strip(), bytes);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/plan-dashboard.md"), report);
		System.out.println(report);
	}

	/** A plan of 2020–2025 with Plan 55's indicators, targets and approved reports. */
	private long plan(UnitId canTho, Long[] units) {
		long plan55 = jdbc.sql("SELECT min(id) FROM plan WHERE number LIKE '55/%'").query(Long.class).single();
		long plan = plans.insert(new Plan(0, canTho, "B" + System.nanoTime() + "/KH-UBND", "Kế hoạch đo hiệu năng",
				"Ủy ban nhân dân thành phố Cần Thơ", null, 2020, 2025, Plan.Status.ACTIVE), Instant.now());
		long objective = plans.insertObjective(plan, 1, "Mục tiêu đo hiệu năng");
		int ordinal = 1;
		for (Indicator i : plans.indicators(plan55)) {
			plans.insert(plan, ordinal++,
					new Indicator(0, objective, i.code(), i.name(), i.measure(), i.definition(), i.numerator(),
							i.denominator(), i.denominatorKind(), i.disaggregations(), i.direction(), i.frequency(),
							i.source(), i.coverage()));
		}
		for (Indicator i : plans.indicators(plan)) {
			for (int year = 2020; year <= 2025; year++) {
				plans.saveTarget(new Target(i.id(), year, canTho,
						i.coverage() ? new BigDecimal("100") : new BigDecimal("50"), "benchmark", Instant.now()));
			}
		}
		jdbc.sql(
				"""
						INSERT INTO plan_target (indicator_id, year, unit_id, value, entered_by, entered_at)
						SELECT i.id, y, u, CASE WHEN i.is_coverage THEN 80 + (u % 21) ELSE 1 END, 'benchmark', now()
						FROM plan_indicator i CROSS JOIN generate_series(2020, 2025) y CROSS JOIN unnest(CAST(:units AS bigint[])) u
						WHERE i.plan_id = :plan""")
			.param("units", units)
			.param("plan", plan)
			.update();
		jdbc.sql("""
				INSERT INTO plan_report (plan_id, unit_id, period_kind, year, due_on, state, created_by, created_at)
				SELECT :plan, u, 'YEARLY', y, make_date(y + 1, 1, 31), 'DRAFT', 'benchmark', now()
				FROM generate_series(2020, 2025) y CROSS JOIN unnest(CAST(:units AS bigint[])) u""")
			.param("units", units)
			.param("plan", plan)
			.update();
		jdbc.sql("""
				INSERT INTO plan_report_value (report_id, indicator_id, numerator, denominator)
				SELECT r.id, i.id, 20 + (r.id * 7 + i.id) % 80, CASE WHEN i.is_coverage THEN 100 END
				FROM plan_report r JOIN plan_indicator i ON i.plan_id = r.plan_id
				WHERE r.plan_id = :plan AND i.source_kind = 'REPORTED'""").param("plan", plan).update();
		jdbc.sql("UPDATE plan_report SET state = 'APPROVED' WHERE plan_id = :plan").param("plan", plan).update();
		return plan;
	}

	/**
	 * A record dated before the 2025 reform lies on a commune of the time (one of the 263
	 * old communes of Cần Thơ, Hậu Giang and Sóc Trăng), a later one on a commune of
	 * today.
	 */
	private static final String UNIT_OF_THE_TIME = """
			CASE WHEN d < DATE '2025-07-01' THEN (CAST(:old AS bigint[]))[1 + g % cardinality(CAST(:old AS bigint[]))]
			  ELSE (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))] END""";

	private void generate(Long[] units, Long[] oldUnits) {
		jdbc.sql(
				"""
						INSERT INTO workforce_member (unit_id, full_name, role, sex, active_from, active_to, entered_by, entered_at)
						SELECT\s"""
						+ UNIT_OF_THE_TIME
						+ """
								  ,
								  'Người đo hiệu năng ' || g,
								  CASE WHEN g % 10 = 0 THEN 'POLICE_INVESTIGATOR'
								    ELSE (ARRAY['COMMUNE_OFFICER','COLLABORATOR','VOLUNTEER','SOCIAL_WORKER'])[1 + g % 4] END,
								  CASE WHEN g % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
								  d,
								  CASE WHEN g % 5 < 3 THEN NULL ELSE d + 365 + g % 900 END,
								  'benchmark', now()
								FROM (SELECT g, DATE '2018-01-01' + (g * 13) % 2800 AS d FROM generate_series(1, :n) g) x""")
			.param("units", units)
			.param("old", oldUnits)
			.param("n", MEMBERS)
			.update();
		jdbc.sql("""
				INSERT INTO training (unit_id, held_on, topic, organiser, kind, entered_by, entered_at)
				SELECT\s""" + UNIT_OF_THE_TIME
				+ """
						  ,
						  d, 'Tập huấn ' || g, 'Sở Y tế',
						  (ARRAY['CHILD_PROTECTION_SKILLS','CHILD_FRIENDLY_INVESTIGATION','SCHOOL_VIOLENCE','HEALTH_CARE'])[1 + g % 4],
						  'benchmark', now()
						FROM (SELECT g, DATE '2019-01-01' + (g * 17) % 2550 AS d FROM generate_series(1, :n) g) x""")
			.param("units", units)
			.param("old", oldUnits)
			.param("n", TRAININGS)
			.update();
		jdbc.sql("""
				INSERT INTO training_participant (training_id, workforce_member_id)
				SELECT t0 + (((g % :members) * 7 + (g / :members) * 2500) % :trainings), m0 + g % :members
				FROM generate_series(0, :n - 1) g,
				  (SELECT min(id) AS m0 FROM workforce_member WHERE entered_by = 'benchmark') m,
				  (SELECT min(id) AS t0 FROM training WHERE entered_by = 'benchmark') t
				ON CONFLICT DO NOTHING""")
			.param("members", MEMBERS)
			.param("trainings", TRAININGS)
			.param("n", PARTICIPANTS)
			.update();
		jdbc.sql(
				"""
						INSERT INTO communication_event (unit_id, held_on, type, channel, audience, reach, entered_by, entered_at)
						SELECT\s"""
						+ UNIT_OF_THE_TIME
						+ """
								  ,
								  d, 'Truyền thông', 'Trực tiếp', 'Gia đình', 15, 'benchmark', now()
								FROM (SELECT g, DATE '2020-01-01' + (g * 11) % 2190 AS d FROM generate_series(1, :n) g) x""")
			.param("units", units)
			.param("old", oldUnits)
			.param("n", EVENTS)
			.update();
		jdbc.sql("""
				INSERT INTO communication_event_household (event_id, household_code)
				SELECT e0 + g % :events, 'BH-' || (g % 150000)
				FROM generate_series(0, :n - 1) g,
				  (SELECT min(id) AS e0 FROM communication_event WHERE entered_by = 'benchmark') e
				ON CONFLICT DO NOTHING""").param("events", EVENTS).param("n", HOUSEHOLDS).update();
		jdbc.sql("""
				INSERT INTO facility (unit_id, kind, name, entered_by, entered_at)
				SELECT (CAST(:units AS bigint[]))[1 + g % cardinality(CAST(:units AS bigint[]))],
				  CASE WHEN g % 5 < 3 THEN 'SCHOOL' ELSE 'HEALTH_FACILITY' END, 'Cơ sở ' || g, 'benchmark', now()
				FROM generate_series(1, :n) g""").param("units", units).param("n", FACILITIES).update();
		jdbc.sql("""
				INSERT INTO facility_check (facility_id, checked_on, prevention_session, hotline_promoted,
				  intake_procedure, trained_staff, counselling, entered_by, entered_at)
				SELECT f0 + g % :facilities, DATE '2019-01-01' + (g * 37) % 2550, g % 3 <> 0, g % 2 = 0,
				  g % 4 <> 0, g % 5 <> 0, CASE WHEN g % 11 = 0 THEN NULL ELSE g % 6 <> 0 END, 'benchmark', now()
				FROM generate_series(0, :n - 1) g,
				  (SELECT min(id) AS f0 FROM facility WHERE entered_by = 'benchmark') f""")
			.param("facilities", FACILITIES)
			.param("n", CHECKS)
			.update();
		jdbc.sql("""
				INSERT INTO interview_room (unit_id, name, established_on, child_friendly, entered_by, entered_at)
				SELECT\s""" + UNIT_OF_THE_TIME + """
						  , 'Phòng ' || g, d, g % 3 <> 0, 'benchmark', now()
				FROM (SELECT g, DATE '2018-01-01' + (g * 29) % 2900 AS d FROM generate_series(1, :n) g) x""")
			.param("units", units)
			.param("old", oldUnits)
			.param("n", ROOMS)
			.update();
		// as autovacuum leaves a table that has settled: statistics and the visibility
		// map
		vn.trean.TestDatabase.asOwner("VACUUM ANALYZE");
	}

}
