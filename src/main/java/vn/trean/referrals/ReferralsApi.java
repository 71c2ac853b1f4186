package vn.trean.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.ApiClient;
import vn.trean.shared.Page;

/**
 * What the referrals API does for an agency's system: its referrals, each read through
 * the one share (so each row that carries fields is a disclosure, on the API channel),
 * and the agency's steps taken on the referral's current version, once per
 * {@code Idempotency-Key}: the key's row is written first in the step's transaction, so a
 * second request with the key waits for the first and is answered what the first was
 * answered; a retry of the same request gets the stored answer and changes nothing.
 */
@Service
class ReferralsApi {

	/** An answer to send: the HTTP status and the JSON body. */
	record Answer(int status, String body) {
	}

	/** The key was used before for another request (method, path or content). */
	static class KeyReused extends RuntimeException {

		KeyReused() {
			super("Idempotency-Key reused for another request");
		}

	}

	private final ReferralShare share;

	private final ReferralInbox inbox;

	private final ReferralChanges changes;

	private final ReferralEnvelopes envelopes;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ReferralsApi(ReferralShare share, ReferralInbox inbox, ReferralChanges changes, ReferralEnvelopes envelopes,
			MessageSource messages, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.share = share;
		this.inbox = inbox;
		this.changes = changes;
		this.envelopes = envelopes;
		this.messages = messages;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A page of the agency's referrals, each with the requested fields of its share; one
	 * transaction, so a field refused on any row leaves no disclosure of the others.
	 */
	@Transactional
	ReferralJson.Listing list(Actor actor, int page, Set<ShareField> fields) {
		ApiClient client = client(actor);
		Page<ReferralInbox.Row> rows = inbox.of(client.agency(), page);
		return new ReferralJson.Listing(rows.items()
			.stream()
			.map(row -> ReferralJson.of(share.share(actor, row.id(), ReferralShare.Channel.API, fields), messages,
					actor.locale()))
			.toList(), rows.number(), rows.size(), rows.hasNext());
	}

	@Transactional
	ReferralJson one(Actor actor, ReferralId id, Set<ShareField> fields) {
		client(actor);
		return ReferralJson.of(share.share(actor, id, ReferralShare.Channel.API, fields), messages, actor.locale());
	}

	/**
	 * The outcome report an agency of the referral's sector gives: the type the API reads
	 * the outcome's body into (the step itself decides who may give it).
	 */
	@Transactional(readOnly = true)
	Class<? extends OutcomeReport> outcomeTypeOf(ReferralId id) {
		return OutcomeKind.of(changes.load(id).address().sector()).type();
	}

	/**
	 * Takes a step on the referral's current version (a draft is no referral to the
	 * agency) and stores the answer under the key; or answers a retry as before.
	 * @throws KeyReused when the key was used for another request
	 */
	@Transactional
	Answer step(Actor actor, String key, String request, int status, ReferralId id, IntConsumer step) {
		ApiClient client = client(actor);
		Optional<Answer> previous = previous(client, key, request);
		if (previous.isPresent()) {
			return previous.get();
		}
		jdbc.sql("""
				INSERT INTO referral_idempotency (api_token_id, key, request_hash, status, body, created_at)
				VALUES (:token, :key, :hash, 0, '', :at)""")
			.param("token", client.tokenId())
			.param("key", key)
			.param("hash", request)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		Referral r = changes.load(id);
		if (r.status() == Referral.Status.DRAFT) {
			throw new UnknownReferral(id);
		}
		step.accept(r.version());
		String body = json.writeValueAsString(ReferralJson.of(envelopes.find(id).orElseThrow()));
		jdbc.sql(
				"UPDATE referral_idempotency SET status = :status, body = :body WHERE api_token_id = :token AND key = :key")
			.param("status", status)
			.param("body", body)
			.param("token", client.tokenId())
			.param("key", key)
			.update();
		return new Answer(status, body);
	}

	/**
	 * The stored answer to the key, if it was used for this same request. One statement,
	 * so no transaction of its own.
	 * @throws KeyReused when it was used for another
	 */
	Optional<Answer> previous(ApiClient client, String key, String request) {
		return jdbc.sql(
				"SELECT request_hash, status, body FROM referral_idempotency WHERE api_token_id = :token AND key = :key")
			.param("token", client.tokenId())
			.param("key", key)
			.query((rs, n) -> {
				if (!rs.getString("request_hash").equals(request)) {
					throw new KeyReused();
				}
				return new Answer(rs.getInt("status"), rs.getString("body"));
			})
			.optional();
	}

	/** The agency's system the request comes from; the API has no other caller. */
	private static ApiClient client(Actor actor) {
		if (actor.client() == null) {
			throw new AccessRefused(Action.ANSWER_REFERRALS, "access.refused.signed-out");
		}
		return actor.client();
	}

}
