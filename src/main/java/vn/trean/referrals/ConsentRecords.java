package vn.trean.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseId;
import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;
import vn.trean.shared.Time;

/**
 * The consents of V40 ({@code referral_consent}, {@code consent_giver}) and what was
 * shared on each ({@code referral_disclosure}); the rules are the service's.
 */
@Component
class ConsentRecords {

	/** The states of a referral that still shows the receiving agency something. */
	static final List<String> OPEN_REFERRAL = List.of("SENT", "ACCEPTED", "IN_PROGRESS");

	private final JdbcClient jdbc;

	ConsentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A consent's keys and whether it was withdrawn. */
	record Key(long id, CaseId caseId, ChildId child, SharingPurpose purpose, boolean withdrawn) {
	}

	boolean inForce(CaseId caseId, ChildId child, SharingPurpose purpose) {
		return jdbc.sql("""
				SELECT count(*) FROM referral_consent
				WHERE case_id = :case AND child_id = :child AND purpose = :purpose AND withdrawn_at IS NULL""")
			.param("case", caseId.value())
			.param("child", child.value())
			.param("purpose", purpose.name())
			.query(Long.class)
			.single() > 0;
	}

	/** The consent not withdrawn for the case, child and purpose. */
	record Current(long id, boolean childGave, Instant recordedAt, int childAgeOnDay) {
	}

	Optional<Current> current(CaseId caseId, ChildId child, SharingPurpose purpose) {
		return jdbc.sql("""
				SELECT c.id, c.recorded_at, c.child_age_on_day,
				  EXISTS (SELECT 1 FROM consent_giver g WHERE g.consent_id = c.id AND g.role = 'CHILD') AS child_gave
				FROM referral_consent c
				WHERE c.case_id = :case AND c.child_id = :child AND c.purpose = :purpose AND c.withdrawn_at IS NULL""")
			.param("case", caseId.value())
			.param("child", child.value())
			.param("purpose", purpose.name())
			.query((rs, n) -> new Current(rs.getLong("id"), rs.getBoolean("child_gave"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getInt("child_age_on_day")))
			.optional();
	}

	long insert(CaseId caseId, UnitId unit, ConsentDraft draft, int age, long by, Instant at,
			@Nullable UUID attachment) {
		long id = jdbc.sql("""
				INSERT INTO referral_consent (case_id, child_id, unit_id, purpose, purpose_note, child_age_on_day,
				  recorded_by, recorded_at)
				VALUES (:case, :child, :unit, :purpose, :note, :age, :by, :at) RETURNING id""")
			.param("case", caseId.value())
			.param("child", draft.child().value())
			.param("unit", unit.value())
			.param("purpose", draft.purpose().name())
			.param("note", blankToNull(draft.purposeNote()))
			.param("age", age)
			.param("by", by)
			.param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
			.query(Long.class)
			.single();
		for (ConsentDraft.Giver giver : draft.givers()) {
			boolean written = giver.method() == ConsentDraft.Method.WRITTEN;
			jdbc.sql("""
					INSERT INTO consent_giver (consent_id, role, name, method, given_at, attachment_id, witness_name,
					  witness_role)
					VALUES (:id, :role, :name, :method, :at, :attachment, :witness, :witnessRole)""")
				.param("id", id)
				.param("role", giver.role().name())
				.param("name", giver.name().strip())
				.param("method", giver.method().name())
				.param("at", Timestamp.from(giver.givenAt().atZone(Time.ZONE).toInstant()))
				.param("attachment", written ? attachment : null)
				.param("witness", written ? null : blankToNull(giver.witnessName()))
				.param("witnessRole", written ? null : blankToNull(giver.witnessRole()))
				.update();
		}
		return id;
	}

	Optional<Key> key(long id) {
		return jdbc.sql("SELECT case_id, child_id, purpose, withdrawn_at FROM referral_consent WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Key(id, new CaseId(rs.getObject("case_id", UUID.class)),
					new ChildId(rs.getLong("child_id")), SharingPurpose.valueOf(rs.getString("purpose")),
					rs.getTimestamp("withdrawn_at") != null))
			.optional();
	}

	/**
	 * Withdraws the consent unless it was withdrawn meanwhile; answers whether it did.
	 */
	boolean withdraw(long id, Withdrawal withdrawal, long by, Instant at) {
		return jdbc.sql("""
				UPDATE referral_consent SET withdrawn_at = :at, withdrawn_by_role = :role, withdrawal_note = :note,
				  withdrawal_recorded_by = :by
				WHERE id = :id AND withdrawn_at IS NULL""")
			.param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
			.param("role", withdrawal.by().name())
			.param("note", withdrawal.note().strip())
			.param("by", by)
			.param("id", id)
			.update() == 1;
	}

	/** How many open referrals were sent on the consent. */
	long openReferralsOn(long consentId) {
		return jdbc.sql("SELECT count(*) FROM referral WHERE sent_consent_id = :id AND state IN (:open)")
			.param("id", consentId)
			.param("open", OPEN_REFERRAL)
			.query(Long.class)
			.single();
	}

	/** The consents of the case, newest first, without their state in force. */
	List<GroundView> of(CaseId caseId, Function<ChildId, String> names) {
		Map<Long, List<GroundView.Giver>> givers = givers(caseId);
		return jdbc.sql("""
				SELECT c.*, u.display_name AS recorder, w.display_name AS withdrawer FROM referral_consent c
				JOIN app_user u ON u.id = c.recorded_by LEFT JOIN app_user w ON w.id = c.withdrawal_recorded_by
				WHERE c.case_id = :case ORDER BY c.recorded_at DESC, c.id DESC""")
			.param("case", caseId.value())
			.query((rs, n) -> view(rs, names, givers.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private static GroundView view(ResultSet rs, Function<ChildId, String> names, List<GroundView.Giver> givers)
			throws SQLException {
		ChildId child = new ChildId(rs.getLong("child_id"));
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		GroundView.Closing closing = withdrawn == null ? null
				: new GroundView.Closing(withdrawn.toInstant(), rs.getString("withdrawer"),
						Withdrawal.By.valueOf(rs.getString("withdrawn_by_role")), rs.getString("withdrawal_note"));
		return new GroundView(GroundView.Kind.CONSENT, rs.getLong("id"), child, names.apply(child),
				SharingPurpose.valueOf(rs.getString("purpose")), rs.getString("purpose_note"),
				withdrawn == null ? GroundView.State.IN_FORCE : GroundView.State.WITHDRAWN,
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorder"),
				new GroundView.Consent(rs.getInt("child_age_on_day"), givers), null, closing, List.of());
	}

	private Map<Long, List<GroundView.Giver>> givers(CaseId caseId) {
		return jdbc.sql("""
				SELECT g.* FROM consent_giver g JOIN referral_consent c ON c.id = g.consent_id
				WHERE c.case_id = :case ORDER BY g.consent_id, g.role""")
			.param("case", caseId.value())
			.query((rs, n) -> Map.entry(rs.getLong("consent_id"),
					new GroundView.Giver(ConsentDraft.Role.valueOf(rs.getString("role")), rs.getString("name"),
							ConsentDraft.Method.valueOf(rs.getString("method")),
							rs.getTimestamp("given_at").toInstant().atZone(Time.ZONE).toLocalDateTime(),
							rs.getObject("attachment_id", UUID.class), rs.getString("witness_name"),
							rs.getString("witness_role"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** What referrals sent on the consent have shown, oldest first. */
	List<GroundView.Disclosure> disclosures(long consentId) {
		return jdbc.sql("""
				SELECT r.reference_code, d.at, d.channel, d.viewer, d.fields FROM referral_disclosure d
				JOIN referral r ON r.id = d.referral_id WHERE r.sent_consent_id = :id ORDER BY d.at, d.id""")
			.param("id", consentId)
			.query((rs, n) -> new GroundView.Disclosure(rs.getString("reference_code"),
					rs.getTimestamp("at").toInstant(), rs.getString("channel"), rs.getString("viewer"),
					rs.getString("fields")))
			.list();
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
