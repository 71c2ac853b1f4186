package vn.trean.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;

/** Plan reports with their figures. */
@Repository
class PlanReportRepository {

	private static final String COLUMNS = "r.*";

	private final JdbcClient jdbc;

	PlanReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PlanReport> find(long planId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_report r WHERE r.plan_id = :plan AND r.id = :id")
			.param("plan", planId)
			.param("id", id)
			.query(this::report)
			.optional();
	}

	/** The current version of each unit's report for a period. */
	List<PlanReport> current(long planId, ReportingPeriod period, Collection<UnitId> units) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM plan_report r WHERE r.plan_id = :plan AND r.is_current"
					+ " AND r.period_kind = :kind AND r.year = :year AND COALESCE(r.half, 0) = :half"
					+ " AND r.unit_id = ANY(:units)")
			.param("plan", planId)
			.param("kind", period.kind().name())
			.param("year", period.year())
			.param("half", period.half() == null ? 0 : period.half())
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query(this::report)
			.list();
	}

	Optional<PlanReport> current(long planId, UnitId unit, ReportingPeriod period) {
		return current(planId, period, List.of(unit)).stream().findFirst();
	}

	/** Every version of a unit's report for a period, newest first. */
	List<PlanReport> versions(PlanReport report) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM plan_report r WHERE r.plan_id = :plan AND r.unit_id = :unit"
					+ " AND r.period_kind = :kind AND r.year = :year AND COALESCE(r.half, 0) = :half"
					+ " ORDER BY r.report_version DESC")
			.param("plan", report.planId())
			.param("unit", report.unit().value())
			.param("kind", report.period().kind().name())
			.param("year", report.period().year())
			.param("half", report.period().half() == null ? 0 : report.period().half())
			.query(this::report)
			.list();
	}

	long insert(PlanReport report, String by, Instant at) {
		long id = jdbc.sql("""
				INSERT INTO plan_report (plan_id, unit_id, period_kind, year, half, report_version, previous_id,
				  due_on, state, created_by, created_at)
				VALUES (:plan, :unit, :kind, :year, :half, :reportVersion, :previous, :due, :state, :by, :at)
				RETURNING id""")
			.param("plan", report.planId())
			.param("unit", report.unit().value())
			.param("kind", report.period().kind().name())
			.param("year", report.period().year())
			.param("half", report.period().half())
			.param("reportVersion", report.reportVersion())
			.param("previous", report.previousId())
			.param("due", Date.valueOf(report.dueOn()))
			.param("state", report.status().name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		saveValues(id, report.values());
		return id;
	}

	/** Makes a report no longer the current one of its unit and period. */
	void supersede(long id) {
		jdbc.sql("UPDATE plan_report SET is_current = FALSE WHERE id = :id").param("id", id).update();
	}

	/**
	 * Stores a report's state and figures unless someone else saved it since
	 * {@code report.version()}; the figures of an approved report are left as they are.
	 */
	boolean update(PlanReport report, boolean withValues) {
		int changed = jdbc.sql("""
				UPDATE plan_report SET state = :state, submitted_by = :submittedBy, submitted_at = :submittedAt,
				  decided_by = :decidedBy, decided_at = :decidedAt, return_comment = :comment, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("state", report.status().name())
			.param("submittedBy", report.submittedBy())
			.param("submittedAt", report.submittedAt() == null ? null : Timestamp.from(report.submittedAt()))
			.param("decidedBy", report.decidedBy())
			.param("decidedAt", report.decidedAt() == null ? null : Timestamp.from(report.decidedAt()))
			.param("comment", report.returnComment())
			.param("id", report.id())
			.param("version", report.version())
			.update();
		if (changed == 0) {
			return false;
		}
		if (withValues) {
			jdbc.sql("DELETE FROM plan_report_value WHERE report_id = :id").param("id", report.id()).update();
			saveValues(report.id(), report.values());
		}
		return true;
	}

	private void saveValues(long reportId, List<ReportValue> values) {
		for (ReportValue v : values) {
			jdbc.sql("""
					INSERT INTO plan_report_value (report_id, indicator_id, disaggregation, numerator, denominator,
					  explanation, flagged)
					VALUES (:report, :indicator, :disaggregation, :numerator, :denominator, :explanation, :flagged)""")
				.param("report", reportId)
				.param("indicator", v.indicatorId())
				.param("disaggregation", v.disaggregation().name())
				.param("numerator", v.numerator())
				.param("denominator", v.denominator())
				.param("explanation", v.explanation())
				.param("flagged", v.flagged())
				.update();
		}
	}

	/**
	 * The figures of the newest approved version of each unit's report for an indicator
	 * and period, among the given units.
	 */
	List<Progress.Figure> approvedFigures(long planId, long indicatorId, ReportingPeriod period,
			Collection<UnitId> units) {
		return approvedFigures(planId, indicatorId, period, units, ReportValue.Disaggregation.ALL);
	}

	/**
	 * The figures of one disaggregation (the total, or one sex) of each unit's report for
	 * an indicator and period, among the given units. The report is the newest approved
	 * version that gives the indicator's total (as the yearly figures of the dashboard
	 * choose it); a unit's figures by sex are those of that same version, so they never
	 * mix with another version's total.
	 */
	List<Progress.Figure> approvedFigures(long planId, long indicatorId, ReportingPeriod period,
			Collection<UnitId> units, ReportValue.Disaggregation disaggregation) {
		return jdbc.sql("""
				WITH chosen AS (
				  SELECT DISTINCT ON (r.unit_id) r.id, r.unit_id, r.report_version
				  FROM plan_report r JOIN plan_report_value v ON v.report_id = r.id
				  WHERE r.plan_id = :plan AND r.state = 'APPROVED' AND r.period_kind = :kind AND r.year = :year
				    AND COALESCE(r.half, 0) = :half AND r.unit_id = ANY(:units)
				    AND v.indicator_id = :indicator AND v.disaggregation = 'ALL'
				  ORDER BY r.unit_id, r.report_version DESC)
				SELECT c.id, c.unit_id, c.report_version, v.numerator, v.denominator, v.flagged, v.explanation
				FROM chosen c JOIN plan_report_value v ON v.report_id = c.id
				WHERE v.indicator_id = :indicator AND v.disaggregation = :disaggregation
				ORDER BY c.unit_id""")
			.param("plan", planId)
			.param("kind", period.kind().name())
			.param("year", period.year())
			.param("half", period.half() == null ? 0 : period.half())
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("indicator", indicatorId)
			.param("disaggregation", disaggregation.name())
			.query((rs, n) -> new Progress.Figure(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
					rs.getInt("report_version"), nullableLong(rs, "numerator"), nullableLong(rs, "denominator"),
					rs.getBoolean("flagged"), rs.getString("explanation")))
			.list();
	}

	/** An approved figure of a yearly report, with its indicator and year. */
	record YearFigure(long indicatorId, int year, Progress.Figure figure) {
	}

	/**
	 * The approved figures of every indicator of the plan in the yearly reports of the
	 * units for every year of a range, the latest version of each unit's report: one
	 * query, grouped by indicator, year and unit.
	 */
	List<YearFigure> approvedYearlyFigures(long planId, int fromYear, int toYear, Collection<UnitId> units) {
		return jdbc.sql("""
				SELECT DISTINCT ON (v.indicator_id, r.year, r.unit_id) v.indicator_id, r.year, r.id, r.unit_id,
				  r.report_version, v.numerator, v.denominator, v.flagged, v.explanation
				FROM plan_report r JOIN plan_report_value v ON v.report_id = r.id
				WHERE r.plan_id = :plan AND r.state = 'APPROVED' AND r.period_kind = 'YEARLY'
				  AND r.year BETWEEN :from AND :to AND r.unit_id = ANY(:units) AND v.disaggregation = 'ALL'
				ORDER BY v.indicator_id, r.year, r.unit_id, r.report_version DESC""")
			.param("plan", planId)
			.param("from", fromYear)
			.param("to", toYear)
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.query((rs, n) -> new YearFigure(rs.getLong("indicator_id"), rs.getInt("year"),
					new Progress.Figure(rs.getLong("id"), new UnitId(rs.getLong("unit_id")),
							rs.getInt("report_version"), nullableLong(rs, "numerator"), nullableLong(rs, "denominator"),
							rs.getBoolean("flagged"), rs.getString("explanation"))))
			.list();
	}

	// ---- mapping ----

	private PlanReport report(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		int half = rs.getInt("half");
		boolean noHalf = rs.wasNull();
		ReportingPeriod period = new ReportingPeriod(ReportingPeriod.Kind.valueOf(rs.getString("period_kind")),
				rs.getInt("year"), noHalf ? null : half);
		List<ReportValue> values = new ArrayList<>(jdbc
			.sql("SELECT * FROM plan_report_value WHERE report_id = :id ORDER BY indicator_id, disaggregation")
			.param("id", id)
			.query((v, n) -> new ReportValue(v.getLong("indicator_id"),
					ReportValue.Disaggregation.valueOf(v.getString("disaggregation")), nullableLong(v, "numerator"),
					nullableLong(v, "denominator"), v.getString("explanation"), v.getBoolean("flagged")))
			.list());
		return new PlanReport(id, rs.getLong("plan_id"), new UnitId(rs.getLong("unit_id")), period,
				rs.getInt("report_version"), nullableLong(rs, "previous_id"), rs.getDate("due_on").toLocalDate(),
				PlanReport.Status.valueOf(rs.getString("state")), rs.getInt("version"), rs.getString("submitted_by"),
				instant(rs, "submitted_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getString("return_comment"), values);
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
