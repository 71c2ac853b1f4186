package vn.trean.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;

import static vn.trean.referrals.ConsentRecords.blankToNull;

/** The legal bases of V40 ({@code referral_legal_basis}); the rules are the service's. */
@Component
class BasisRecords {

	private final JdbcClient jdbc;

	BasisRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A basis's keys and whether it ended. */
	record Key(long id, CaseId caseId, ChildId child, SharingPurpose purpose, LegalBasis basis, boolean ended) {
	}

	long insert(CaseId caseId, UnitId unit, BasisDraft draft, long by, Instant at) {
		boolean request = draft.basis() == LegalBasis.AUTHORITY_REQUEST;
		return jdbc.sql("""
				INSERT INTO referral_legal_basis (case_id, child_id, unit_id, purpose, basis, requesting_body,
				  request_reference, law_reference, note, recorded_by, recorded_at)
				VALUES (:case, :child, :unit, :purpose, :basis, :body, :reference, :law, :note, :by, :at)
				RETURNING id""")
			.param("case", caseId.value())
			.param("child", draft.child().value())
			.param("unit", unit.value())
			.param("purpose", draft.purpose().name())
			.param("basis", draft.basis().name())
			.param("body", request ? blankToNull(draft.requestingBody()) : null)
			.param("reference", request ? blankToNull(draft.requestReference()) : null)
			.param("law", draft.basis() == LegalBasis.OTHER_LAW ? blankToNull(draft.lawReference()) : null)
			.param("note", draft.note().strip())
			.param("by", by)
			.param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
			.query(Long.class)
			.single();
	}

	Optional<Key> key(long id) {
		return jdbc.sql("SELECT case_id, child_id, purpose, basis, ended_at FROM referral_legal_basis WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Key(id, new CaseId(rs.getObject("case_id", UUID.class)),
					new ChildId(rs.getLong("child_id")), SharingPurpose.valueOf(rs.getString("purpose")),
					LegalBasis.valueOf(rs.getString("basis")), rs.getTimestamp("ended_at") != null))
			.optional();
	}

	/** The latest basis not ended for the case, child and purpose. */
	Optional<Key> inForce(CaseId caseId, ChildId child, SharingPurpose purpose) {
		return jdbc.sql("""
				SELECT id FROM referral_legal_basis
				WHERE case_id = :case AND child_id = :child AND purpose = :purpose AND ended_at IS NULL
				ORDER BY recorded_at DESC, id DESC LIMIT 1""")
			.param("case", caseId.value())
			.param("child", child.value())
			.param("purpose", purpose.name())
			.query(Long.class)
			.optional()
			.flatMap(this::key);
	}

	/** Ends the basis unless it ended meanwhile; answers whether it did. */
	boolean end(long id, String note, long by, Instant at) {
		return jdbc.sql("""
				UPDATE referral_legal_basis SET ended_at = :at, ended_by = :by, end_note = :note
				WHERE id = :id AND ended_at IS NULL""")
			.param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
			.param("by", by)
			.param("note", note.strip())
			.param("id", id)
			.update() == 1;
	}

	/** The bases of the case, newest first. */
	List<GroundView> of(CaseId caseId, Function<ChildId, String> names) {
		return jdbc.sql("""
				SELECT b.*, u.display_name AS recorder, e.display_name AS ender FROM referral_legal_basis b
				JOIN app_user u ON u.id = b.recorded_by LEFT JOIN app_user e ON e.id = b.ended_by
				WHERE b.case_id = :case ORDER BY b.recorded_at DESC, b.id DESC""")
			.param("case", caseId.value())
			.query((rs, n) -> view(rs, names))
			.list();
	}

	private static GroundView view(ResultSet rs, Function<ChildId, String> names) throws SQLException {
		ChildId child = new ChildId(rs.getLong("child_id"));
		Timestamp ended = rs.getTimestamp("ended_at");
		GroundView.Closing closing = ended == null ? null
				: new GroundView.Closing(ended.toInstant(), rs.getString("ender"), null, rs.getString("end_note"));
		GroundView.Basis basis = new GroundView.Basis(LegalBasis.valueOf(rs.getString("basis")),
				rs.getString("requesting_body"), rs.getString("request_reference"), rs.getString("law_reference"),
				rs.getString("note"));
		return new GroundView(GroundView.Kind.BASIS, rs.getLong("id"), child, names.apply(child),
				SharingPurpose.valueOf(rs.getString("purpose")), null,
				ended == null ? GroundView.State.IN_FORCE : GroundView.State.ENDED,
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorder"), null, basis, closing, List.of());
	}

}
