package vn.trean.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.cases.CaseId;
import vn.trean.directory.Sector;

/** Reads a referral's envelope and history: one row and its history lines. */
@Repository
class ReferralEnvelopes {

	private final JdbcClient jdbc;

	private final ReferralChangeStore store;

	ReferralEnvelopes(JdbcClient jdbc, ReferralChangeStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	Optional<Envelope> find(ReferralId id) {
		return jdbc.sql("""
				SELECT r.*, c.reference_code AS case_code, u.full_name AS unit_name, a.name AS agency_name
				FROM referral r JOIN protection_case c ON c.id = r.case_id
				JOIN administrative_unit u ON u.id = r.unit_id JOIN agency a ON a.id = r.agency_id
				WHERE r.id = :id""")
			.param("id", id.value())
			.query((rs, n) -> map(rs, id))
			.optional()
			.map(e -> new Envelope(e.id(), e.code(), e.caseId(), e.caseCode(), e.status(), store.servicesOf(id),
					e.purpose(), e.purposeNote(), e.sendingUnit(), e.agency(), e.sector(), e.createdAt(), e.sentAt(),
					e.answeredAt(), e.completedAt(), e.withdrawnAt(), e.nextDueAt(), e.nextDueClock(), e.version(),
					history(id)));
	}

	private List<Envelope.HistoryLine> history(ReferralId id) {
		return jdbc.sql("SELECT at, kind, actor_name, text FROM referral_event WHERE referral_id = :id ORDER BY at, id")
			.param("id", id.value())
			.query((rs, n) -> new Envelope.HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	private static Envelope map(ResultSet rs, ReferralId id) throws SQLException {
		return new Envelope(id, rs.getString("reference_code"), new CaseId(rs.getObject("case_id", UUID.class)),
				rs.getString("case_code"), Referral.Status.valueOf(rs.getString("state")), java.util.Set.of(),
				SharingPurpose.valueOf(rs.getString("purpose")), rs.getString("purpose_note"),
				rs.getString("unit_name"), rs.getString("agency_name"), Sector.valueOf(rs.getString("sector")),
				rs.getTimestamp("created_at").toInstant(), at(rs.getTimestamp("sent_at")),
				at(rs.getTimestamp("answered_at")), at(rs.getTimestamp("completed_at")),
				at(rs.getTimestamp("withdrawn_at")), at(rs.getTimestamp("next_due_at")), rs.getString("next_due_clock"),
				rs.getInt("version"), List.of());
	}

	private static @Nullable Instant at(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
