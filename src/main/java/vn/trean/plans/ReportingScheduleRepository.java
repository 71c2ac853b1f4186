package vn.trean.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each plan's reporting schedule: how many days after a period's end its reports are due;
 * changing it moves the due dates of the reports not yet submitted.
 */
@Repository
class ReportingScheduleRepository {

	private final JdbcClient jdbc;

	ReportingScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Days after a period's end reports are due, the defaults where the plan sets none.
	 */
	Map<ReportingPeriod.Kind, Integer> of(long planId) {
		Map<ReportingPeriod.Kind, Integer> days = new EnumMap<>(PlanReportPolicy.DEFAULT_DAYS);
		jdbc.sql("SELECT period_kind, days_after_period_end FROM plan_reporting_schedule WHERE plan_id = :plan")
			.param("plan", planId)
			.query(rs -> {
				days.put(ReportingPeriod.Kind.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return days;
	}

	void save(long planId, ReportingPeriod.Kind kind, int days, String by, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO plan_reporting_schedule (plan_id, period_kind, days_after_period_end, changed_by, changed_at)
						VALUES (:plan, :kind, :days, :by, :at)
						ON CONFLICT (plan_id, period_kind) DO UPDATE SET days_after_period_end = EXCLUDED.days_after_period_end,
						  changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at""")
			.param("plan", planId)
			.param("kind", kind.name())
			.param("days", days)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		// reports not yet submitted follow the new schedule
		jdbc.sql("""
				UPDATE plan_report SET due_on = (CASE WHEN half = 1 THEN make_date(year, 6, 30)
				  ELSE make_date(year, 12, 31) END) + :days
				WHERE plan_id = :plan AND period_kind = :kind AND state IN ('DRAFT', 'RETURNED')""")
			.param("plan", planId)
			.param("kind", kind.name())
			.param("days", days)
			.update();
	}

}
