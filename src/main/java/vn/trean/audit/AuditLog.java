package vn.trean.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trean.shared.AuditableEvent;

/**
 * Appends to and verifies the audit log. Each row stores SHA-256 over its own content and
 * the previous row's hash in its chain; the log is sixteen interleaved chains, each
 * serialised by its own advisory lock so no chain forks, while sixteen transactions can
 * append at once (one chain made every audited write in the system queue behind every
 * other). A transaction's entries are appended just before it commits, in one call to the
 * database function {@code audit_append} (V12__audit_append.sql), so a chain's lock is
 * held for that call and the commit only. There is deliberately no update or delete
 * method.
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
		AuditEntry entry = new AuditEntry(0, at.truncatedTo(ChronoUnit.MICROS), limit(actor, 100, "system"),
				limit(action, 60, "UNKNOWN"), limit(targetType, 60, null), limit(targetId, 100, null),
				limit(clientAddress, 64, null), limit(outcome, 20, "SUCCESS"), limit(detail, 1000, null), null, null);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			pendingInThisTransaction().add(entry);
		}
		else {
			write(List.of(entry));
		}
	}

	/**
	 * The entries this transaction has recorded so far; they join the chain just before
	 * it commits (and vanish if it rolls back), so the chain's lock is taken at the very
	 * end and held only for one call and the commit.
	 */
	private List<AuditEntry> pendingInThisTransaction() {
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof PendingEntries pending) {
				return pending.entries;
			}
		}
		PendingEntries pending = new PendingEntries();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending.entries;
	}

	private final class PendingEntries implements TransactionSynchronization {

		final List<AuditEntry> entries = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!entries.isEmpty()) {
				write(List.copyOf(entries));
				entries.clear();
			}
		}

	}

	/** Appends entries to the chain in one round trip (V12__audit_append.sql). */
	private void write(List<AuditEntry> entries) {
		jdbc.sql("""
				SELECT audit_append(:occurred::timestamptz[], :actors, :actions, :types, :targets, :clients, :outcomes,
				  :details, :tails)""")
			.param("occurred", column(entries, e -> e.occurredAt().toString()))
			.param("actors", column(entries, AuditEntry::actor))
			.param("actions", column(entries, AuditEntry::action))
			.param("types", column(entries, AuditEntry::targetType))
			.param("targets", column(entries, AuditEntry::targetId))
			.param("clients", column(entries, AuditEntry::clientAddress))
			.param("outcomes", column(entries, AuditEntry::outcome))
			.param("details", column(entries, AuditEntry::detail))
			.param("tails", column(entries, AuditLog::canonicalTail))
			.query()
			.singleValue();
	}

	private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
		return entries.stream().map(value).toArray(String[]::new);
	}

	/**
	 * Walks every chain in order and names the first row that does not match: its content
	 * was changed ("content"), or the row before it in its chain was changed or removed
	 * ("link").
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		long[] checked = { 0 };
		Map<Integer, String> expectedPrevious = new HashMap<>();
		ChainVerification[] broken = { null };
		jdbc.sql("SELECT * FROM audit_entry ORDER BY id").withFetchSize(1000).query(rs -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry entry = map(rs);
			int chain = rs.getInt("chain");
			checked[0]++;
			if (!entry.previousHash().equals(expectedPrevious.getOrDefault(chain, GENESIS))) {
				broken[0] = new ChainVerification(checked[0], entry.id(), "link");
			}
			else if (!hash(entry).equals(entry.hash())) {
				broken[0] = new ChainVerification(checked[0], entry.id(), "content");
			}
			expectedPrevious.put(chain, entry.hash());
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
		String canonical = String.join("\u001f", String.valueOf(e.id()), canonicalTail(e), e.previousHash());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An entry's content as hashed, without its id and the previous hash. */
	static String canonicalTail(AuditEntry e) {
		return String.join("\u001f", e.occurredAt().toString(), e.actor(), e.action(), String.valueOf(e.targetType()),
				String.valueOf(e.targetId()), String.valueOf(e.clientAddress()), e.outcome(),
				String.valueOf(e.detail()));
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
