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

	StatisticsBenchmarkProbe(StatisticsReadModel model, JdbcClient jdbc) {
		this.model = model;
		this.jdbc = jdbc;
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
