package vn.trean.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;
import vn.trean.intake.ReportId;

/**
 * What another module needs to know of a case to hand part of it to an agency: its
 * commune, state, children, reports and officer. No personal data beyond the officer's
 * contact; the caller checks the reader's permission against {@link Facts#unit()}.
 */
@Component
public class CaseReferralFacts {

	/** A case as a referral sees it. */
	public record Facts(CaseId id, String code, UnitId unit, ProtectionCase.Status status, Instant openedAt,
			List<ChildId> children, List<ReportId> reports, @Nullable Long officerId, @Nullable String officerName,
			@Nullable String officerEmail) {

		/**
		 * Whether parts of the case may be handed to an agency now: harm confirmed (past
		 * verification), not closed, not waiting for another commune to take it.
		 */
		public boolean referable() {
			return status.compareTo(ProtectionCase.Status.INITIAL_ASSESSMENT) >= 0
					&& status.compareTo(ProtectionCase.Status.REVIEW) <= 0;
		}

		public boolean involves(ChildId child) {
			return children.contains(child);
		}

	}

	private final JdbcClient jdbc;

	CaseReferralFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<Facts> find(CaseId id) {
		return read(id, "");
	}

	/**
	 * The case, its row locked against closing until the caller's transaction ends (a
	 * closing takes the row for update): a referral is sent only to an open case, and a
	 * case is closed knowing every referral sent.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Facts lockForReferral(CaseId id) {
		return read(id, " FOR SHARE OF c").orElseThrow(() -> new UnknownCase(id));
	}

	private Optional<Facts> read(CaseId id, String lock) {
		return jdbc.sql("""
				SELECT c.id, c.reference_code, c.unit_id, c.status, c.opened_at, c.assigned_officer_id,
				  u.display_name, u.email
				FROM protection_case c LEFT JOIN app_user u ON u.id = c.assigned_officer_id
				WHERE c.id = :id""" + lock)
			.param("id", id.value())
			.query((rs, n) -> new Facts(id, rs.getString("reference_code"), new UnitId(rs.getLong("unit_id")),
					ProtectionCase.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
					List.of(), List.of(), rs.getObject("assigned_officer_id", Long.class), rs.getString("display_name"),
					rs.getString("email")))
			.optional()
			.map(f -> new Facts(f.id(), f.code(), f.unit(), f.status(), f.openedAt(), children(id), reports(id),
					f.officerId(), f.officerName(), f.officerEmail()));
	}

	private List<ChildId> children(CaseId id) {
		return jdbc.sql("SELECT child_id FROM case_child WHERE case_id = :id ORDER BY child_id")
			.param("id", id.value())
			.query((rs, n) -> new ChildId(rs.getLong(1)))
			.list();
	}

	private List<ReportId> reports(CaseId id) {
		return jdbc.sql("SELECT report_id FROM case_report WHERE case_id = :id ORDER BY linked_at")
			.param("id", id.value())
			.query((rs, n) -> new ReportId(rs.getObject(1, UUID.class)))
			.list();
	}

}
