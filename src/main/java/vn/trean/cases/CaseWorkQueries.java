package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;

/**
 * The work queue's queries over the cases: what waits for a chair's decision, for an
 * officer's step, and what is overdue in a province; each row names its kind (a
 * {@link DeadlineStep} or one of the chair's and officer's steps without a clock of their
 * own), most urgent first.
 */
@Repository
class CaseWorkQueries {

	/** The steps of the chair and the officer that are not named by their clock. */
	static final String EMERGENCY = "EMERGENCY", CLOSE = "CLOSE", VERIFY = "VERIFY", TRANSFER = "TRANSFER",
			ASSESS = "ASSESS", CLOSING = "CLOSING";

	private final JdbcClient jdbc;

	CaseWorkQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One waiting step of a case. */
	record Row(String kind, CaseId caseId, String reference, UnitId unit, Instant since, @Nullable Instant dueAt) {
	}

	/**
	 * Decisions waiting for a chair of these communes: an emergency decision whose
	 * 12-hour clock runs (started by the report or by Mẫu 02's recommendation) in a state
	 * that takes it, a plan submitted for approval, a case under review whose closing
	 * assessment is recorded.
	 */
	List<Row> decisionsIn(Collection<UnitId> units, int limit) {
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT 'EMERGENCY' AS kind, p.id, p.reference_code, p.unit_id, d.started_at AS since, d.due_at
				  FROM protection_case p
				  JOIN LATERAL (SELECT c.due_at, c.started_at FROM case_deadline c WHERE c.case_id = p.id
				    AND c.step = 'EMERGENCY_DECISION' AND c.met_at IS NULL ORDER BY c.due_at LIMIT 1) d ON TRUE
				  WHERE p.unit_id = ANY(:units) AND p.status IN ('INITIAL_ASSESSMENT', 'NEEDS_ASSESSMENT', 'PLANNING',
				    'AWAITING_APPROVAL', 'IN_IMPLEMENTATION', 'REVIEW')
				  UNION ALL
				  SELECT 'APPROVAL', p.id, p.reference_code, p.unit_id, coalesce(d.started_at, p.opened_at), d.due_at
				  FROM protection_case p LEFT JOIN case_deadline d ON d.case_id = p.id AND d.step = 'APPROVAL'
				    AND d.met_at IS NULL
				  WHERE p.unit_id = ANY(:units) AND p.status = 'AWAITING_APPROVAL'
				  UNION ALL
				  SELECT 'CLOSE', p.id, p.reference_code, p.unit_id, f.recorded_at, NULL
				  FROM protection_case p JOIN LATERAL (SELECT max(f.recorded_at) AS recorded_at FROM case_form f
				    WHERE f.case_id = p.id AND f.form = 'CLOSING_ASSESSMENT' AND f.cycle = p.cycle) f
				    ON f.recorded_at IS NOT NULL
				  WHERE p.unit_id = ANY(:units) AND p.status = 'REVIEW'
				) w ORDER BY due_at NULLS LAST, since, id LIMIT :limit""")
			.param("units", ids(units))
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Steps waiting for an officer: reports to verify in the cases assigned to them, the
	 * initial assessment of a harm confirmed, the closing assessment of a case under
	 * review (both without a clock, waiting since the case's last step), the running
	 * clocks of those cases, and cases transferred to their communes.
	 */
	List<Row> stepsOf(long officer, Collection<UnitId> units, int limit) {
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT 'VERIFY' AS kind, p.id, p.reference_code, p.unit_id, p.opened_at AS since, d.due_at
				  FROM protection_case p LEFT JOIN case_deadline d ON d.case_id = p.id AND d.step = 'VERIFICATION'
				    AND d.met_at IS NULL
				  WHERE p.assigned_officer_id = :officer AND p.unit_id = ANY(:units)
				    AND p.status IN ('RECEIVED', 'VERIFYING')
				  UNION ALL
				  SELECT CASE p.status WHEN 'REVIEW' THEN 'CLOSING' ELSE 'ASSESS' END, p.id, p.reference_code,
				    p.unit_id, coalesce((SELECT max(e.at) FROM case_entry e WHERE e.case_id = p.id), p.opened_at), NULL
				  FROM protection_case p
				  WHERE p.assigned_officer_id = :officer AND p.unit_id = ANY(:units)
				    AND p.status IN ('INITIAL_ASSESSMENT', 'REVIEW')
				    AND NOT EXISTS (SELECT 1 FROM case_form f WHERE f.case_id = p.id AND f.cycle = p.cycle
				      AND f.form = CASE p.status WHEN 'REVIEW' THEN 'CLOSING_ASSESSMENT' ELSE 'INITIAL_ASSESSMENT' END)
				  UNION ALL
				  SELECT d.step, p.id, p.reference_code, p.unit_id, d.started_at, d.due_at
				  FROM protection_case p JOIN case_deadline d ON d.case_id = p.id AND d.met_at IS NULL
				    AND d.step IN ('PLAN', 'REVIEW', 'SEPARATION_END')
				  WHERE p.assigned_officer_id = :officer AND p.unit_id = ANY(:units) AND p.closed_at IS NULL
				    AND p.status <> 'TRANSFERRING'
				  UNION ALL
				  SELECT 'TRANSFER', p.id, p.reference_code, p.transfer_to_unit_id,
				    coalesce((SELECT max(e.at) FROM case_entry e WHERE e.case_id = p.id
				      AND e.kind = 'TRANSFER_REQUESTED'), p.opened_at), NULL
				  FROM protection_case p WHERE p.status = 'TRANSFERRING' AND p.transfer_to_unit_id = ANY(:units)
				) w ORDER BY due_at NULLS LAST, since, id LIMIT :limit""")
			.param("officer", officer)
			.param("units", ids(units))
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Clocks passed and not met in these units, the longest overdue first. */
	List<Row> overdueIn(Collection<UnitId> units, Instant now, int limit) {
		return jdbc.sql("""
				SELECT d.step AS kind, p.id, p.reference_code, p.unit_id, d.started_at AS since, d.due_at
				FROM case_deadline d JOIN protection_case p ON p.id = d.case_id
				WHERE d.met_at IS NULL AND d.due_at < :now AND p.unit_id = ANY(:units)
				ORDER BY d.due_at, d.id LIMIT :limit""")
			.param("units", ids(units))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The children of a case, by id. */
	List<Long> childrenOf(CaseId id) {
		return jdbc.sql("SELECT child_id FROM case_child WHERE case_id = :id ORDER BY child_id")
			.param("id", id.value())
			.query(Long.class)
			.list();
	}

	private static Long[] ids(Collection<UnitId> units) {
		return units.stream().map(UnitId::value).toArray(Long[]::new);
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		return new Row(rs.getString("kind"), new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
				new UnitId(rs.getLong("unit_id")), rs.getTimestamp("since").toInstant(),
				due == null ? null : due.toInstant());
	}

}
