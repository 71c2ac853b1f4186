package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what a step recorded with a referral, in the step's transaction: history
 * entries, clocks started and met, the next clock due, the services and the content.
 */
@Repository
class ReferralChangeStore {

	private static final TypeReference<LinkedHashMap<ShareField, ShareValue>> CONTENT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReferralChangeStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void apply(Referral r, ReferralRepository.Doer doer, Instant now) {
		for (Referral.Change change : r.changes()) {
			if (change instanceof Referral.Change.Entry e) {
				entry(r.id(), doer, now, e.kind(), e.text());
			}
			else if (change instanceof Referral.Change.ClockStarted s) {
				jdbc.sql("""
						INSERT INTO referral_deadline (referral_id, clock, started_at, due_at)
						VALUES (:id, :clock, :at, :due) ON CONFLICT (referral_id, clock) DO NOTHING""")
					.param("id", r.id().value())
					.param("clock", s.clock().name())
					.param("at", Timestamp.from(now))
					.param("due", Timestamp.from(s.due()))
					.update();
			}
			else if (change instanceof Referral.Change.ClocksMet m) {
				jdbc.sql("""
						UPDATE referral_deadline SET met_at = :at
						WHERE referral_id = :id AND met_at IS NULL AND clock IN (:clocks)""")
					.param("id", r.id().value())
					.param("at", Timestamp.from(now))
					.param("clocks", m.clocks().stream().map(Enum::name).toList())
					.update();
			}
		}
		jdbc.sql("""
				UPDATE referral SET (next_due_at, next_due_clock) = (
				  SELECT due_at, clock FROM referral_deadline WHERE referral_id = :id AND met_at IS NULL
				  ORDER BY due_at, id LIMIT 1)
				WHERE id = :id""").param("id", r.id().value()).update();
	}

	void entry(ReferralId id, ReferralRepository.Doer doer, Instant at, String kind, String text) {
		jdbc.sql("""
				INSERT INTO referral_event (referral_id, at, kind, actor_id, api_token_id, actor_name, text)
				VALUES (:id, :at, :kind, :actor, :token, :name, :text)""")
			.param("id", id.value())
			.param("at", Timestamp.from(at))
			.param("kind", kind)
			.param("actor", doer.userId())
			.param("token", doer.tokenId())
			.param("name", doer.name())
			.param("text", text)
			.update();
	}

	void services(ReferralId id, Set<ReferralService> services) {
		jdbc.sql("DELETE FROM referral_service WHERE referral_id = :id").param("id", id.value()).update();
		for (ReferralService s : services) {
			jdbc.sql("INSERT INTO referral_service (referral_id, service) VALUES (:id, :s)")
				.param("id", id.value())
				.param("s", s.name())
				.update();
		}
	}

	EnumSet<ReferralService> servicesOf(ReferralId id) {
		EnumSet<ReferralService> services = EnumSet.noneOf(ReferralService.class);
		jdbc.sql("SELECT service FROM referral_service WHERE referral_id = :id")
			.param("id", id.value())
			.query(String.class)
			.list()
			.forEach(s -> services.add(ReferralService.valueOf(s)));
		return services;
	}

	void content(ReferralId id, ReferralContent content) {
		jdbc.sql("""
				INSERT INTO referral_content (referral_id, schema, data) VALUES (:id, :schema, CAST(:data AS jsonb))
				ON CONFLICT (referral_id) DO UPDATE SET schema = EXCLUDED.schema, data = EXCLUDED.data""")
			.param("id", id.value())
			.param("schema", ReferralContent.SCHEMA)
			.param("data", json.writeValueAsString(content.values()))
			.update();
	}

	ReferralContent contentOf(ReferralId id) {
		Map<ShareField, ShareValue> values = jdbc.sql("SELECT data FROM referral_content WHERE referral_id = :id")
			.param("id", id.value())
			.query(String.class)
			.optional()
			.<Map<ShareField, ShareValue>>map(text -> json.readValue(text, CONTENT))
			.orElse(Map.of());
		return new ReferralContent(values);
	}

}
