package vn.trean.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.AgencyLookup;
import vn.trean.identity.ApiClient;
import vn.trean.shared.CanonicalJson;

/**
 * The idempotent submission behind {@code POST /api/v1/reports}: the stored answer to a
 * request is returned again for a retry with the same key and content (the parsed JSON
 * written canonically, so a retry laid out otherwise is the same); the same key with
 * other content is a conflict. The report and the stored answer commit together.
 * <p>
 * A request makes one transaction: the stored answer is looked up, the sending agency's
 * unit read, and the report recorded with its answer in it.
 */
@Component
class IntakeApi {

	/**
	 * An answer to send: HTTP status and JSON body, and the report when it was recorded
	 * now ({@code null} for an answer sent again).
	 */
	record Answer(int status, String body, ReportId created) {
	}

	/** The body of the answer to an accepted report. */
	record Accepted(String id, String referenceCode, String receivedAt, String urgency, String emergencyDecisionDue,
			long routedTo, boolean transferOut) {

		static Accepted of(ReportReceipt r) {
			return new Accepted(r.id().toString(), r.referenceCode(), r.receivedAt().toString(), r.urgency().name(),
					r.emergencyDecisionDue() == null ? null : r.emergencyDecisionDue().toString(), r.routedTo().value(),
					r.transferOut());
		}

	}

	/** The key was used before with another body. */
	static class KeyReused extends RuntimeException {

		KeyReused() {
			super("Idempotency-Key reused with another body");
		}

	}

	private final Intake intake;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AgencyLookup agencies;

	private final JsonMapper json;

	IntakeApi(Intake intake, AgencyLookup agencies, JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.intake = intake;
		this.json = json;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A stored answer for the key, if the same body was sent before. One statement, so no
	 * transaction of its own.
	 */
	Optional<Answer> previous(ApiClient client, String key, byte[] body) {
		if (key == null) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT request_hash, status, body FROM intake_idempotency WHERE api_token_id = :token AND key = :key")
			.param("token", client.tokenId())
			.param("key", key)
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(hash(body))) {
					throw new KeyReused();
				}
				return new Answer(rs.getInt("status"), rs.getString("body"), null);
			})
			.optional();
	}

	/**
	 * The stored answer for a retry; else records the report and, with a key, stores the
	 * answer, in the same transaction (the answer is written once, for both).
	 * @throws KeyReused when the key was used with other content
	 */
	@Transactional
	Answer submit(ApiClient client, String key, byte[] body, ReportDraft draft) {
		Optional<Answer> previous = previous(client, key, body);
		if (previous.isPresent()) {
			return previous.get();
		}
		var clientUnit = agencies.find(client.agency()).map(AgencyLookup.AgencySummary::unit).orElseThrow();
		ReportReceipt receipt = intake.recordFromApi(client, clientUnit, draft);
		String answer = json.writeValueAsString(Accepted.of(receipt));
		if (key != null) {
			jdbc.sql("INSERT INTO intake_idempotency (api_token_id, key, request_hash, status, body, created_at) "
					+ "VALUES (:token, :key, :hash, 201, :body, :at)")
				.param("token", client.tokenId())
				.param("key", key)
				.param("hash", hash(body))
				.param("body", answer)
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		return new Answer(201, answer, receipt.id());
	}

	static String hash(byte[] body) {
		return CanonicalJson.hash(body);
	}

}
