package vn.trean.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;

import static vn.trean.cases.CaseRepository.nullableLong;

/**
 * The case lists' queries: open cases by their next deadline (read from the columns the
 * repository keeps up to date on every change) and overdue clocks, each a page of rows.
 */
@Repository
class CaseListQueries {

	private final JdbcClient jdbc;

	CaseListQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Open cases of some units (or being transferred to them) assigned to an officer, the
	 * nearest deadline first.
	 */
	List<CaseSummary> assignedTo(long officer, Collection<UnitId> units, int limit, long offset) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM protection_case WHERE assigned_officer_id = :officer AND closed_at IS NULL
				  AND (unit_id = ANY(:units) OR transfer_to_unit_id = ANY(:units))
				ORDER BY next_deadline_at NULLS LAST, opened_at, id LIMIT :limit OFFSET :offset""")
			.param("officer", officer)
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> summary(rs))
			.list();
	}

	/**
	 * Open cases of some units (or being transferred to them), the nearest deadline
	 * first.
	 */
	List<CaseSummary> openIn(Collection<UnitId> units, int limit, long offset) {
		if (units.isEmpty()) {
			return List.of();
		}
		Long[] ids = units.stream().map(UnitId::value).toArray(Long[]::new);
		return jdbc.sql("""
				SELECT * FROM protection_case WHERE closed_at IS NULL
				  AND (unit_id = ANY(:units) OR transfer_to_unit_id = ANY(:units))
				ORDER BY next_deadline_at NULLS LAST, opened_at, id LIMIT :limit OFFSET :offset""")
			.param("units", ids)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> summary(rs))
			.list();
	}

	/** Deadlines passed and not met in some units, the longest overdue first. */
	List<OverdueStep> overdueIn(Collection<UnitId> units, Instant now, int limit, long offset) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT p.id, p.reference_code, p.unit_id, p.status, p.assigned_officer_id, d.step, d.due_at,
				  d.escalation
				FROM case_deadline d JOIN protection_case p ON p.id = d.case_id
				WHERE d.met_at IS NULL AND d.due_at < :now AND p.unit_id = ANY(:units)
				ORDER BY d.due_at, d.id LIMIT :limit OFFSET :offset""")
			.param("units", units.stream().map(UnitId::value).toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new OverdueStep(new CaseId(rs.getObject("id", UUID.class)),
					rs.getString("reference_code"), new UnitId(rs.getLong("unit_id")),
					ProtectionCase.Status.valueOf(rs.getString("status")), nullableLong(rs, "assigned_officer_id"),
					DeadlineStep.valueOf(rs.getString("step")), rs.getTimestamp("due_at").toInstant(),
					Escalation.valueOf(rs.getString("escalation"))))
			.list();
	}

	private static CaseSummary summary(ResultSet rs) throws SQLException {
		Timestamp next = rs.getTimestamp("next_deadline_at");
		String step = rs.getString("next_deadline_step");
		Long transfer = nullableLong(rs, "transfer_to_unit_id");
		return new CaseSummary(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference_code"),
				new UnitId(rs.getLong("unit_id")), ProtectionCase.Status.valueOf(rs.getString("status")),
				Urgency.valueOf(rs.getString("urgency")), next == null ? null : next.toInstant(),
				step == null ? null : DeadlineStep.valueOf(step), nullableLong(rs, "assigned_officer_id"),
				rs.getTimestamp("opened_at").toInstant(), transfer == null ? null : new UnitId(transfer));
	}

}
