package vn.trean.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements behind the case KPIs, over the read model only. Each answers one row per
 * group and period of its {@link KpiScope}, so the same statement serves a table (one
 * group, one period), a breakdown (a group per commune or officer) and a trend (six
 * periods): one statement per figure, however many periods.
 */
@Repository
class KpiQueries {

	/** The groups and periods every statement joins: {@code g} and {@code p}. */
	private static final String SCOPE = """
			WITH g(unit_id, grp) AS (SELECT * FROM unnest(CAST(:units AS bigint[]), CAST(:groups AS bigint[]))),
			p(s, e, i) AS (SELECT * FROM unnest(CAST(:starts AS timestamptz[]), CAST(:ends AS timestamptz[]))
			  WITH ORDINALITY)
			""";

	/** Whether case {@code c} stood closed at the instant {@code :at} names. */
	private static final String CLOSED_AT = """
			EXISTS (SELECT 1 FROM stat_case_closure k WHERE k.case_id = c.case_id AND k.closed_at < %1$s
			  AND (k.reopened_at IS NULL OR k.reopened_at >= %1$s))""";

	/**
	 * The cases not closed at the instant {@code %1$s} of each period (open now, or
	 * closed since), as {@code c} with their period {@code p}: two index scans rather
	 * than one condition with an OR that reads every case.
	 */
	private static final String CASES_UNCLOSED_AT = """
			(SELECT c.*, p.i AS period_i FROM p JOIN stat_case c ON c.closed_at IS NULL
			  UNION ALL SELECT c.*, p.i AS period_i FROM p JOIN stat_case c ON c.closed_at >= %1$s) c
			  JOIN p ON p.i = c.period_i""";

	private final JdbcClient jdbc;

	private final Clock clock;

	KpiQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One figure of a group in a period: a part when the figure is split (a step, a
	 * sector), the counts, and up to two measured values.
	 */
	record Figure(long group, int period, String part, long numerator, long denominator, @Nullable Double first,
			@Nullable Double second) {
	}

	/**
	 * A legal clock started in the period: met in time (numerator) over those met, or
	 * still running past their due time; those still running and not yet due are left
	 * out.
	 */
	List<Figure> deadlinesMet(KpiScope scope, String step) {
		return run(scope, """
				SELECT %s AS grp, p.i AS period, '' AS part,
				  count(*) FILTER (WHERE d.met_at IS NOT NULL AND d.met_at <= d.due_at) AS num, count(*) AS den,
				  NULL::float8 AS first, NULL::float8 AS second
				FROM stat_case_deadline d JOIN g ON g.unit_id = d.unit_id %s
				JOIN p ON d.started_at >= p.s AND d.started_at < p.e
				WHERE d.step = :step AND (d.met_at IS NOT NULL OR d.due_at < :now)
				GROUP BY 1, 2""".formatted(scope.groupExpression(), scope.caseJoin("JOIN", "d")), step);
	}

	/**
	 * Hours from the report to the initial assessment, of the cases assessed in the
	 * period: their number, the median and the 90th percentile.
	 */
	List<Figure> assessmentHours(KpiScope scope) {
		return run(scope, """
				SELECT %s AS grp, p.i AS period, '' AS part, 0 AS num, count(*) AS den,
				  percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS first,
				  percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS second
				FROM (SELECT c.*, extract(epoch FROM c.initial_assessment_at - c.received_at) / 3600 AS hours
				  FROM stat_case c) c
				JOIN g ON g.unit_id = c.unit_id
				JOIN p ON c.initial_assessment_at >= p.s AND c.initial_assessment_at < p.e
				GROUP BY 1, 2""".formatted(scope.groupExpression()), null);
	}

	/**
	 * The cases open at the period's end (or now, while it runs) that have an officer:
	 * their number, the number of officers with at least one, and the largest load. The
	 * officer is the case's officer of today (the read model keeps no history of it).
	 */
	List<Figure> caseLoad(KpiScope scope) {
		return run(scope,
				"""
						SELECT grp, period, '' AS part, sum(n) AS num, count(*) AS den, max(n)::float8 AS first,
						  NULL::float8 AS second
						FROM (SELECT %s AS grp, p.i AS period, c.officer_id, count(*) AS n
						  FROM %s JOIN g ON g.unit_id = c.unit_id
						  WHERE c.opened_at < least(p.e, :now) AND c.officer_id IS NOT NULL AND NOT %s
						  GROUP BY 1, 2, 3) o
						GROUP BY 1, 2""".formatted(scope.groupExpression(),
						CASES_UNCLOSED_AT.formatted("least(p.e, :now)"), CLOSED_AT.formatted("least(p.e, :now)")),
				null);
	}

	/**
	 * Cases closed in the period (numerator) over the cases open at any time in it:
	 * opened before its end and not closed from before its start to after its end. A case
	 * closed now since before the start (its current closing) is left out at once.
	 */
	List<Figure> closures(KpiScope scope) {
		return run(scope,
				"""
						SELECT %s AS grp, p.i AS period, '' AS part,
						  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM stat_case_closure k WHERE k.case_id = c.case_id
						    AND k.closed_at >= p.s AND k.closed_at < p.e)) AS num,
						  count(*) AS den, NULL::float8 AS first, NULL::float8 AS second
						FROM %s JOIN g ON g.unit_id = c.unit_id
						WHERE c.opened_at < p.e AND NOT EXISTS (SELECT 1 FROM stat_case_closure k WHERE k.case_id = c.case_id AND k.closed_at < p.s
						  AND (k.reopened_at IS NULL OR k.reopened_at >= p.e))
						GROUP BY 1, 2"""
					.formatted(scope.groupExpression(), CASES_UNCLOSED_AT.formatted("p.s")),
				null);
	}

	/**
	 * Closures made in the period: those reopened within 183 days of closing (numerator)
	 * over all of them.
	 */
	List<Figure> reopenings(KpiScope scope) {
		return run(scope, """
				SELECT %s AS grp, p.i AS period, '' AS part,
				  count(*) FILTER (WHERE k.reopened_at IS NOT NULL
				    AND k.reopened_at <= k.closed_at + interval '183 days') AS num,
				  count(*) AS den, NULL::float8 AS first, NULL::float8 AS second
				FROM stat_case_closure k JOIN g ON g.unit_id = k.unit_id %s
				JOIN p ON k.closed_at >= p.s AND k.closed_at < p.e
				GROUP BY 1, 2""".formatted(scope.groupExpression(), scope.caseJoin("JOIN", "k")), null);
	}

	/**
	 * Referrals sent in the period, by sector: answered (numerator) over those sent, the
	 * median days to the answer ({@code first}) and to the completion ({@code second}).
	 */
	List<Figure> referralDays(KpiScope scope) {
		return run(scope, """
				SELECT %s AS grp, p.i AS period, r.sector AS part,
				  count(r.answered_at) AS num, count(*) AS den,
				  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.sent_at) / 86400)
				    AS first,
				  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - r.sent_at) / 86400)
				    AS second
				FROM stat_referral r JOIN g ON g.unit_id = r.unit_id %s
				JOIN p ON r.sent_at >= p.s AND r.sent_at < p.e
				GROUP BY 1, 2, 3""".formatted(scope.groupExpression(), scope.caseJoin("LEFT JOIN", "r")), null);
	}

	/** Referrals sent in the period and completed, by sector (numerator). */
	List<Figure> referralsCompleted(KpiScope scope) {
		return run(scope, """
				SELECT %s AS grp, p.i AS period, r.sector AS part, count(r.completed_at) AS num, count(*) AS den,
				  NULL::float8 AS first, NULL::float8 AS second
				FROM stat_referral r JOIN g ON g.unit_id = r.unit_id %s
				JOIN p ON r.sent_at >= p.s AND r.sent_at < p.e
				GROUP BY 1, 2, 3""".formatted(scope.groupExpression(), scope.caseJoin("LEFT JOIN", "r")), null);
	}

	/**
	 * The legal clocks of open cases running past their due time now, by step (the
	 * periods play no part: the figure is of today).
	 */
	List<Figure> overdueNow(KpiScope scope) {
		return run(scope, """
				SELECT %s AS grp, 1 AS period, d.step AS part, count(*) AS num, 0 AS den,
				  NULL::float8 AS first, NULL::float8 AS second
				FROM stat_case_deadline d JOIN g ON g.unit_id = d.unit_id JOIN stat_case c ON c.case_id = d.case_id
				WHERE d.met_at IS NULL AND d.due_at < :now AND c.closed_at IS NULL
				GROUP BY 1, 2, 3""".formatted(scope.groupExpression()), null);
	}

	private List<Figure> run(KpiScope scope, String select, @Nullable String step) {
		JdbcClient.StatementSpec statement = jdbc.sql(SCOPE + select)
			.param("units", scope.units())
			.param("groups", scope.groups())
			.param("starts", scope.starts())
			.param("ends", scope.ends())
			.param("now", Timestamp.from(clock.instant()));
		if (step != null) {
			statement = statement.param("step", step);
		}
		return statement.query(KpiQueries::figure).list();
	}

	private static Figure figure(ResultSet rs, int row) throws SQLException {
		long group = rs.getLong("grp");
		if (rs.wasNull()) {
			group = -1;
		}
		return new Figure(group, rs.getInt("period") - 1, rs.getString("part"), rs.getLong("num"), rs.getLong("den"),
				value(rs, "first"), value(rs, "second"));
	}

	private static @Nullable Double value(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
