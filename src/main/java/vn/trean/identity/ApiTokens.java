package vn.trean.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.AgencyId;

/**
 * API tokens for other systems: shown once when issued, stored only as a SHA-256 hash,
 * scoped to an agency and a set of permissions, revocable; each use is published for the
 * audit log.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "trean_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Authorization authorization;

	private final AgencyLookup agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Authorization authorization, AgencyLookup agencies, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.authorization = authorization;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** A token as the administration page lists it (never the token itself). */
	public record TokenSummary(long id, String name, AgencyId agency, String agencyName, Set<ApiPermission> permissions,
			Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	/**
	 * A freshly issued token: the secret is in {@code token} and is shown this one time.
	 */
	public record IssuedToken(long id, String token) {
	}

	@Transactional
	public IssuedToken issue(Actor by, String name, AgencyId agency, Set<ApiPermission> permissions) {
		CurrentUser actor = by.signedIn();
		var summary = agencies.find(agency).orElseThrow(() -> new AccountRejected("agency", "account.agency.unknown"));
		authorization.require(actor, Action.MANAGE_API_TOKENS, ResourceScope.at(summary.unit()).ownedBy(agency));
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new AccountRejected("name", "validation.required");
		}
		if (permissions == null || permissions.isEmpty()) {
			throw new AccountRejected("permissions", "token.permissions.required");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = jdbc
			.sql("INSERT INTO api_token (name, token_hash, agency_id, permissions, created_by, created_at) "
					+ "VALUES (:name, :hash, :agency, :permissions, :by, :at) RETURNING id")
			.param("name", name.strip())
			.param("hash", hash(token))
			.param("agency", agency.value())
			.param("permissions", permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("by", actor.id())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		events.publishEvent(new IdentityEvents.ApiTokenActivity(actor.username(), "API_TOKEN_ISSUED", id,
				"agency=" + agency + " permissions=" + permissions, by.clientAddress(), clock.instant()));
		return new IssuedToken(id, token);
	}

	@Transactional
	public void revoke(Actor by, long tokenId) {
		CurrentUser actor = by.signedIn();
		TokenSummary token = find(tokenId)
			.orElseThrow(() -> new AccessRefused(Action.MANAGE_API_TOKENS, "access.refused.not-found"));
		var agency = agencies.find(token.agency()).orElseThrow();
		authorization.require(actor, Action.MANAGE_API_TOKENS, ResourceScope.at(agency.unit()).ownedBy(token.agency()));
		jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
			.param("at", Timestamp.from(clock.instant()))
			.param("id", tokenId)
			.update();
		events.publishEvent(new IdentityEvents.ApiTokenActivity(actor.username(), "API_TOKEN_REVOKED", tokenId, null,
				by.clientAddress(), clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<TokenSummary> visibleTo(CurrentUser actor) {
		var units = authorization.unitsInReach(actor, Action.MANAGE_API_TOKENS);
		var inReach = agencies.locatedIn(units);
		if (inReach.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM api_token WHERE agency_id = ANY(:agencies) ORDER BY created_at DESC")
			.param("agencies", inReach.stream().map(a -> a.id().value()).toArray(Long[]::new))
			.query((rs, n) -> map(rs, inReach))
			.list();
	}

	/**
	 * Authenticates a presented token; records its use. Empty for unknown or revoked
	 * tokens.
	 */
	@Transactional
	public Optional<ApiClient> authenticate(String presented, String clientAddress, String requestLine) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiClient> client = jdbc
			.sql("SELECT id, name, agency_id, permissions, last_used_at FROM api_token WHERE token_hash = :hash "
					+ "AND revoked_at IS NULL")
			.param("hash", hash(presented))
			.query((rs, n) -> {
				Timestamp last = rs.getTimestamp("last_used_at");
				if (last == null || last.toInstant().isBefore(clock.instant().minusSeconds(60))) {
					// the column is a "seen recently" hint, written at most once a
					// minute; every use is audited
					jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id")
						.param("at", Timestamp.from(clock.instant()))
						.param("id", rs.getLong("id"))
						.update();
				}
				return new ApiClient(rs.getLong("id"), rs.getString("name"), new AgencyId(rs.getLong("agency_id")),
						permissions(rs.getString("permissions")));
			})
			.optional();
		client.ifPresent(c -> events.publishEvent(new IdentityEvents.ApiTokenActivity("api:" + c.name(),
				"API_TOKEN_USED", c.tokenId(), requestLine, clientAddress, clock.instant())));
		return client;
	}

	private Optional<TokenSummary> find(long id) {
		return jdbc.sql("SELECT * FROM api_token WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs, List.of()))
			.optional();
	}

	private static TokenSummary map(java.sql.ResultSet rs, List<AgencyLookup.AgencySummary> agencies)
			throws java.sql.SQLException {
		long agency = rs.getLong("agency_id");
		String agencyName = agencies.stream()
			.filter(a -> a.id().value() == agency)
			.map(AgencyLookup.AgencySummary::name)
			.findFirst()
			.orElse(null);
		return new TokenSummary(rs.getLong("id"), rs.getString("name"), new AgencyId(agency), agencyName,
				permissions(rs.getString("permissions")), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	private static Set<ApiPermission> permissions(String list) {
		Set<ApiPermission> result = EnumSet.noneOf(ApiPermission.class);
		Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(ApiPermission::valueOf).forEach(result::add);
		return result;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
