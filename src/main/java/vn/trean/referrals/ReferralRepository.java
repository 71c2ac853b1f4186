package vn.trean.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;
import vn.trean.directory.Sector;
import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.Time;

/**
 * Stores referrals: the row, its services and content, and what each step recorded
 * (history, clocks, the next due clock), in the step's transaction, under optimistic
 * locking on {@code referral.version}.
 */
@Repository
class ReferralRepository {

	/** Who took a step: a user, or an agency's system through the API. */
	record Doer(@Nullable Long userId, @Nullable Long tokenId, String name) {
	}

	private final JdbcClient jdbc;

	private final ReferralChangeStore changes;

	ReferralRepository(JdbcClient jdbc, ReferralChangeStore changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	String nextReferenceCode(Instant now) {
		String number = Long.toString(jdbc.sql("SELECT nextval('referral_reference_seq')").query(Long.class).single());
		return "CG-" + now.atZone(Time.ZONE).getYear() + "-" + "0".repeat(Math.max(0, 6 - number.length())) + number;
	}

	void insert(Referral r, ReferralContent content, Doer doer, Instant now, boolean demo) {
		Referral.Address a = r.address();
		jdbc.sql("""
				INSERT INTO referral (id, reference_code, case_id, child_id, unit_id, agency_id, agency_unit_id, sector,
				  purpose, purpose_note, state, resent_from, created_by, created_at, demo)
				VALUES (:id, :code, :case, :child, :unit, :agency, :agencyUnit, :sector, :purpose, :note, :state,
				  :resentFrom, :by, :at, :demo)""")
			.param("id", r.id().value())
			.param("code", r.code())
			.param("case", a.caseId().value())
			.param("child", a.child().value())
			.param("unit", a.unit().value())
			.param("agency", a.agency().value())
			.param("agencyUnit", a.agencyUnit().value())
			.param("sector", a.sector().name())
			.param("purpose", a.purpose().name())
			.param("note", a.purposeNote())
			.param("state", r.status().name())
			.param("resentFrom", r.resentFrom() == null ? null : r.resentFrom().value())
			.param("by", doer.userId())
			.param("at", Timestamp.from(now))
			.param("demo", demo)
			.update();
		changes.services(r.id(), a.services());
		changes.content(r.id(), content);
		changes.apply(r, doer, now);
	}

	Optional<Referral> find(ReferralId id) {
		return jdbc.sql("SELECT * FROM referral WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> map(rs))
			.optional()
			.map(r -> withServices(r, changes.servicesOf(id)));
	}

	/**
	 * Stores a changed referral if nobody changed it since it was read, with what the
	 * change recorded.
	 */
	void update(Referral r, Doer doer, Instant now, @Nullable String reason) {
		Referral.Address a = r.address();
		int rows = jdbc.sql("""
				UPDATE referral SET agency_id = :agency, agency_unit_id = :agencyUnit, sector = :sector,
				  purpose = :purpose, purpose_note = :note, state = :state, sent_consent_id = :consent,
				  sent_basis_id = :basis, sent_at = :sentAt,
				  answered_at = CASE WHEN state = 'SENT' AND :state <> 'SENT' THEN :now ELSE answered_at END,
				  answered_by = CASE WHEN state = 'SENT' AND :state <> 'SENT' THEN :by ELSE answered_by END,
				  decline_reason = CASE WHEN :state = 'DECLINED' THEN :reason ELSE decline_reason END,
				  completed_at = CASE WHEN :state = 'COMPLETED' THEN :now ELSE completed_at END,
				  withdrawn_at = CASE WHEN :state = 'WITHDRAWN' THEN :now ELSE withdrawn_at END,
				  withdraw_reason = CASE WHEN :state = 'WITHDRAWN' THEN :reason ELSE withdraw_reason END,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.param("id", r.id().value())
			.param("agency", a.agency().value())
			.param("agencyUnit", a.agencyUnit().value())
			.param("sector", a.sector().name())
			.param("purpose", a.purpose().name())
			.param("note", a.purposeNote())
			.param("state", r.status().name())
			.param("consent", r.consentId())
			.param("basis", r.basisId())
			.param("sentAt", r.sentAt() == null ? null : Timestamp.from(r.sentAt()))
			.param("now", Timestamp.from(now))
			.param("by", doer.userId())
			.param("reason", reason)
			.param("version", r.version())
			.update();
		if (rows != 1) {
			throw new ReferralEditedConcurrently(r.id());
		}
		changes.services(r.id(), a.services());
		changes.apply(r, doer, now);
	}

	/** The agencies that declined this referral or one it was re-sent from. */
	Set<AgencyId> declinedBy(ReferralId id) {
		return Set.copyOf(jdbc.sql("""
				WITH RECURSIVE chain (id, resent_from, agency_id, state) AS (
				  SELECT id, resent_from, agency_id, state FROM referral WHERE id = :id
				  UNION ALL
				  SELECT r.id, r.resent_from, r.agency_id, r.state FROM referral r JOIN chain c ON r.id = c.resent_from)
				SELECT agency_id FROM chain WHERE state = 'DECLINED'""")
			.param("id", id.value())
			.query((rs, n) -> new AgencyId(rs.getLong(1)))
			.list());
	}

	ReferralContent contentOf(ReferralId id) {
		return changes.contentOf(id);
	}

	private static Referral map(ResultSet rs) throws SQLException {
		Referral.Address address = new Referral.Address(new CaseId(rs.getObject("case_id", UUID.class)),
				new ChildId(rs.getLong("child_id")), new UnitId(rs.getLong("unit_id")),
				new AgencyId(rs.getLong("agency_id")), new UnitId(rs.getLong("agency_unit_id")),
				Sector.valueOf(rs.getString("sector")), SharingPurpose.valueOf(rs.getString("purpose")),
				rs.getString("purpose_note"), Set.of());
		UUID from = rs.getObject("resent_from", UUID.class);
		Timestamp sent = rs.getTimestamp("sent_at");
		return new Referral(new ReferralId(rs.getObject("id", UUID.class)), rs.getString("reference_code"), address,
				Referral.Status.valueOf(rs.getString("state")), rs.getObject("sent_consent_id", Long.class),
				rs.getObject("sent_basis_id", Long.class), from == null ? null : new ReferralId(from),
				sent == null ? null : sent.toInstant(), rs.getInt("version"));
	}

	private static Referral withServices(Referral r, EnumSet<ReferralService> services) {
		Referral.Address a = r.address();
		return new Referral(r.id(), r.code(),
				new Referral.Address(a.caseId(), a.child(), a.unit(), a.agency(), a.agencyUnit(), a.sector(),
						a.purpose(), a.purposeNote(), services),
				r.status(), r.consentId(), r.basisId(), r.resentFrom(), r.sentAt(), r.version());
	}

}
