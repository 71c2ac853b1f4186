package vn.trean.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trean.cases.CaseId;

/**
 * What the statistics benchmark times inside the module: a case's rows re-derived as a
 * listener does, and a plain insert into the same table, the floor of any update.
 */
@TestComponent
public class StatisticsBenchmarkProbe {

	private final StatisticsReadModel model;

	private final JdbcClient jdbc;

	private final KpiQueries queries;

	StatisticsBenchmarkProbe(StatisticsReadModel model, JdbcClient jdbc, KpiQueries queries) {
		this.queries = queries;
		this.model = model;
		this.jdbc = jdbc;
	}

	/**
	 * Each KPI statement's time for the city's current half year, and the 0101 count's
	 * plan.
	 */
	public String diagnose(StatisticsUnit unit, StatisticsPeriod period) {
		KpiScope scope = KpiScope.whole(unit, List.of(period));
		KpiScope six = KpiScope.whole(unit, sixHalfYears(period));
		StringBuilder out = new StringBuilder();
		java.util.Map<String, Runnable> runs = new java.util.LinkedHashMap<>();
		runs.put("deadlinesMet", () -> queries.deadlinesMet(scope, "EMERGENCY_DECISION"));
		runs.put("deadlinesMet x6", () -> queries.deadlinesMet(six, "EMERGENCY_DECISION"));
		runs.put("assessmentHours", () -> queries.assessmentHours(scope));
		runs.put("assessmentHours x6", () -> queries.assessmentHours(six));
		runs.put("caseLoad", () -> queries.caseLoad(scope));
		runs.put("closures", () -> queries.closures(scope));
		runs.put("closures x6", () -> queries.closures(six));
		runs.put("reopenings", () -> queries.reopenings(scope));
		runs.put("overdueNow", () -> queries.overdueNow(scope));
		runs.put("referralDays", () -> queries.referralDays(scope));
		runs.forEach((name, run) -> {
			run.run();
			long t = System.nanoTime();
			run.run();
			out.append(name).append(": ").append((System.nanoTime() - t) / 1_000_000).append(" ms\n");
		});
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("units", unit.countedIds());
		p.put("fromDay", java.time.LocalDate.of(2025, 1, 1));
		p.put("toDay", java.time.LocalDate.of(2025, 12, 31));
		out.append("\n0101 count plan:\n");
		jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + AbusedChildrenTable.QUERY.countStatement())
			.params(p)
			.query(String.class)
			.list()
			.forEach(l -> out.append(l).append('\n'));
		return out.toString();
	}

	private static List<StatisticsPeriod> sixHalfYears(StatisticsPeriod last) {
		List<StatisticsPeriod> all = new java.util.ArrayList<>();
		StatisticsPeriod p = last;
		for (int i = 0; i < 6; i++) {
			all.add(0, p);
			p = p.previous();
		}
		return all;
	}

	public void rederive(CaseId id) {
		model.cases(List.of(id));
	}

	/**
	 * One row, in its own transaction (auto-commit), marked for deletion by the
	 * benchmark.
	 */
	public void plainInsert(UUID id, long unit) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO stat_case (case_id, unit_id, officer_id, status, urgency, received_at, opened_at, demo)
				VALUES (:id, :unit, -999, 'RECEIVED', 'NORMAL', :now, :now, TRUE)""")
			.param("id", id)
			.param("unit", unit)
			.param("now", now)
			.update();
	}

}
