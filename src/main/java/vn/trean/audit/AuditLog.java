package vn.trean.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.shared.AuditableEvent;

/**
 * Appends to and verifies the audit log. Each row stores SHA-256 over its own content and
 * the previous row's hash; appends are serialised by an advisory lock so the chain has no
 * forks. There is deliberately no update or delete method.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an event; joins the caller's transaction so the entry commits with the
	 * change.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditableEvent event) {
		append(event.occurredAt() == null ? clock.instant() : event.occurredAt(), event.actor(), event.action(),
				event.targetType(), event.targetId(), event.clientAddress(), event.outcome(), event.detail());
	}

	/** Records that a user opened a record with personal data (the access log). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAccess(String actor, String targetType, String targetId, String clientAddress, String detail) {
		append(clock.instant(), actor, "RECORD_VIEWED", targetType, targetId, clientAddress, "SUCCESS", detail);
	}

	private void append(Instant at, String actor, String action, String targetType, String targetId,
			String clientAddress, String outcome, String detail) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('audit_entry_chain'))").query().singleValue();
		String previous = jdbc.sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		long id = jdbc.sql("SELECT nextval('audit_entry_seq')").query(Long.class).single();
		Instant occurred = at.truncatedTo(ChronoUnit.MICROS);
		AuditEntry entry = new AuditEntry(id, occurred, limit(actor, 100, "system"), limit(action, 60, "UNKNOWN"),
				limit(targetType, 60, null), limit(targetId, 100, null), limit(clientAddress, 64, null),
				limit(outcome, 20, "SUCCESS"), limit(detail, 1000, null), previous, null);
		String hash = hash(entry);
		jdbc.sql(
				"""
						INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, client_address, outcome,
						  detail, previous_hash, hash)
						VALUES (:id, :at, :actor, :action, :type, :target, :client, :outcome, :detail, :previous, :hash)""")
			.param("id", id)
			.param("at", Timestamp.from(occurred))
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("type", entry.targetType())
			.param("target", entry.targetId())
			.param("client", entry.clientAddress())
			.param("outcome", entry.outcome())
			.param("detail", entry.detail())
			.param("previous", previous)
			.param("hash", hash)
			.update();
	}

	/** Walks the whole chain in order and names the first row that does not match. */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		long[] checked = { 0 };
		String[] expectedPrevious = { GENESIS };
		ChainVerification[] broken = { null };
		jdbc.sql("SELECT * FROM audit_entry ORDER BY id").withFetchSize(1000).query(rs -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry entry = map(rs);
			checked[0]++;
			if (!entry.previousHash().equals(expectedPrevious[0])) {
				broken[0] = new ChainVerification(checked[0], entry.id(), "link");
			}
			else if (!hash(entry).equals(entry.hash())) {
				broken[0] = new ChainVerification(checked[0], entry.id(), "content");
			}
			expectedPrevious[0] = entry.hash();
		});
		return broken[0] != null ? broken[0] : new ChainVerification(checked[0], null, null);
	}

	/**
	 * The latest entries, newest first, optionally only one actor's or one action's.
	 * @param before only entries older than this id (the next page), or {@code null}
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(String actor, String action, Long before, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
		if (before != null) {
			sql.append(" AND id < :before");
		}
		if (actor != null && !actor.isBlank()) {
			sql.append(" AND actor = :actor");
		}
		if (action != null && !action.isBlank()) {
			sql.append(" AND action = :action");
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		var spec = jdbc.sql(sql.toString()).param("limit", limit);
		if (before != null) {
			spec = spec.param("before", before);
		}
		if (actor != null && !actor.isBlank()) {
			spec = spec.param("actor", actor.strip());
		}
		if (action != null && !action.isBlank()) {
			spec = spec.param("action", action.strip());
		}
		return spec.query((rs, n) -> map(rs)).list();
	}

	static String hash(AuditEntry e) {
		String canonical = String.join("\u001f", String.valueOf(e.id()), e.occurredAt().toString(), e.actor(),
				e.action(), String.valueOf(e.targetType()), String.valueOf(e.targetId()),
				String.valueOf(e.clientAddress()), e.outcome(), String.valueOf(e.detail()), e.previousHash());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("client_address"), rs.getString("outcome"), rs.getString("detail"),
				rs.getString("previous_hash"), rs.getString("hash"));
	}

	private static String limit(String text, int max, String fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		return text.length() > max ? text.substring(0, max) : text;
	}

}
