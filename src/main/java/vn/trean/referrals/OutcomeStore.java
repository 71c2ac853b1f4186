package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import vn.trean.registers.RegisterLookups;

/**
 * Stores and reads what an agency recorded of its work: the outcome report (versioned
 * JSON of its kind), the police's receipt and forwarding, and the interviews with the
 * snapshots taken from the registers.
 */
@Repository
class OutcomeStore {

	/** An interview as recorded. */
	record NewInterview(Instant heldAt, long room, boolean roomChildFriendly, long investigator,
			boolean investigatorTrained, @Nullable String supportPerson) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RegisterLookups registers;

	OutcomeStore(JdbcClient jdbc, JsonMapper json, RegisterLookups registers) {
		this.jdbc = jdbc;
		this.json = json;
		this.registers = registers;
	}

	void outcome(ReferralId id, OutcomeKind kind, OutcomeReport report, String summary, ReferralRepository.Doer doer,
			Instant now) {
		jdbc.sql("""
				INSERT INTO referral_outcome (referral_id, kind, schema, data, summary, recorded_by, api_token_id,
				  recorded_at)
				VALUES (:id, :kind, :schema, CAST(:data AS jsonb), :summary, :by, :token, :at)""")
			.param("id", id.value())
			.param("kind", kind.name())
			.param("schema", OutcomeReport.SCHEMA)
			.param("data", json.writeValueAsString(report))
			.param("summary", summary)
			.param("by", doer.userId())
			.param("token", doer.tokenId())
			.param("at", Timestamp.from(now))
			.update();
	}

	/** Records (or corrects) the police's receipt and forwarding. */
	void forwarding(ReferralId id, Instant receivedAt, Instant forwardedAt, String forwardedTo) {
		jdbc.sql("""
				INSERT INTO referral_police_record (referral_id, received_at, forwarded_at, forwarded_to)
				VALUES (:id, :received, :forwarded, :to)
				ON CONFLICT (referral_id) DO UPDATE SET received_at = EXCLUDED.received_at,
				  forwarded_at = EXCLUDED.forwarded_at, forwarded_to = EXCLUDED.forwarded_to""")
			.param("id", id.value())
			.param("received", Timestamp.from(receivedAt))
			.param("forwarded", Timestamp.from(forwardedAt))
			.param("to", forwardedTo)
			.update();
	}

	void interview(ReferralId id, NewInterview i, ReferralRepository.Doer doer, Instant now) {
		jdbc.sql("""
				INSERT INTO referral_interview (referral_id, held_at, room_id, room_child_friendly,
				  investigator_member_id, investigator_trained, support_person, recorded_by, api_token_id, recorded_at)
				VALUES (:id, :held, :room, :friendly, :investigator, :trained, :support, :by, :token, :at)""")
			.param("id", id.value())
			.param("held", Timestamp.from(i.heldAt()))
			.param("room", i.room())
			.param("friendly", i.roomChildFriendly())
			.param("investigator", i.investigator())
			.param("trained", i.investigatorTrained())
			.param("support", i.supportPerson())
			.param("by", doer.userId())
			.param("token", doer.tokenId())
			.param("at", Timestamp.from(now))
			.update();
	}

	int interviewCount(ReferralId id) {
		return jdbc.sql("SELECT count(*) FROM referral_interview WHERE referral_id = :id")
			.param("id", id.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * Everything recorded of the referral's outcome; the report whole or without what is
	 * sensitive.
	 */
	RecordedOutcome of(ReferralId id, OutcomeKind kind, boolean sensitive) {
		record Row(String kind, String data, String summary, Instant at) {
		}
		Optional<Row> row = jdbc
			.sql("SELECT kind, data::text, summary, recorded_at FROM referral_outcome WHERE referral_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
		OutcomeReport report = row
			.map(r -> (OutcomeReport) json.readValue(r.data(), OutcomeKind.valueOf(r.kind()).type()))
			.map(r -> sensitive ? r : r.withoutSensitive())
			.orElse(null);
		return new RecordedOutcome(row.map(r -> OutcomeKind.valueOf(r.kind())).orElse(kind), report,
				row.map(Row::summary).orElse(null), row.map(Row::at).orElse(null), police(id), interviews(id));
	}

	private RecordedOutcome.@Nullable PoliceRecord police(ReferralId id) {
		return jdbc
			.sql("SELECT received_at, forwarded_at, forwarded_to FROM referral_police_record WHERE referral_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new RecordedOutcome.PoliceRecord(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.optional()
			.orElse(null);
	}

	private List<RecordedOutcome.Interview> interviews(ReferralId id) {
		return jdbc
			.sql("""
					SELECT held_at, room_id, room_child_friendly, investigator_member_id, investigator_trained, support_person
					FROM referral_interview WHERE referral_id = :id ORDER BY held_at, id""")
			.param("id", id.value())
			.query((rs, n) -> new RecordedOutcome.Interview(rs.getTimestamp(1).toInstant(),
					name(rs.getObject(2, Long.class), true), rs.getBoolean(3), name(rs.getObject(4, Long.class), false),
					rs.getBoolean(5), rs.getString(6)))
			.list();
	}

	private @Nullable String name(@Nullable Long id, boolean room) {
		if (id == null) {
			return null;
		}
		return room ? registers.room(id).map(RegisterLookups.Room::name).orElse(null)
				: registers.member(id).map(RegisterLookups.Member::fullName).orElse(null);
	}

}
