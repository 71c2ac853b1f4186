package vn.trean.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trean.identity.Actor;
import vn.trean.shared.AuditableEvent;
import vn.trean.shared.Page;

/**
 * Appends to and verifies the audit log. Each row stores an HMAC-SHA-256, under the chain
 * key from the configuration, over its own content and the previous row's hash in its
 * chain, and the identifier of that key; rows from before the keyed chain keep their
 * plain SHA-256. The log is sixteen interleaved chains, each serialised by its own
 * advisory lock so no chain forks, while sixteen transactions can append at once (one
 * chain made every audited write in the system queue behind every other). A transaction's
 * entries are appended just before it commits: {@code audit_reserve}
 * (V27__keyed_audit_chain.sql) takes a chain's lock and returns its head and the new ids,
 * the hashes are computed in Java (the key never reaches the database) and the rows
 * inserted in one statement ({@link ChainWriter}), so a chain's lock is held for two
 * calls and the commit; {@link ChainVerifier} walks the chains. There is deliberately no
 * update or delete method, and the database role of the application may not do either.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChainWriter writer;

	private final ChainVerifier verifier;

	AuditLog(JdbcClient jdbc, Clock clock, ChainWriter writer, ChainVerifier verifier) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writer = writer;
		this.verifier = verifier;
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

	/**
	 * Records that someone opened a record with personal data (the access log), under the
	 * actor's audit name and client address.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAccess(Actor actor, String targetType, String targetId, String detail) {
		append(clock.instant(), actor.name(), "RECORD_VIEWED", targetType, targetId, actor.clientAddress(), "SUCCESS",
				detail);
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
			writer.write(List.of(entry));
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
				writer.write(List.copyOf(entries));
				entries.clear();
			}
		}

	}

	/** Verifies the log against the latest stored anchor, if there is one. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		return verify(latestStoredAnchor());
	}

	/**
	 * Walks every chain in order and names the first row that does not match, then
	 * compares the chains with the anchor ({@link ChainVerifier}).
	 * @param anchor the anchor to compare with, or {@code null} for none
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify(AuditAnchor anchor) {
		return verifier.verify(anchor);
	}

	/**
	 * What the log holds now, as an anchor to keep outside the database (one statement,
	 * so one snapshot).
	 */
	@Transactional(readOnly = true)
	public AuditAnchor currentAnchor() {
		List<AuditAnchor.Head> heads = jdbc.sql("""
				SELECT c.chain, c.entries, c.head, e.hash
				FROM (SELECT chain, count(*) AS entries, max(id) AS head FROM audit_entry GROUP BY chain) c
				JOIN audit_entry e ON e.id = c.head ORDER BY c.chain""")
			.query((rs, n) -> new AuditAnchor.Head(rs.getInt("chain"), rs.getLong("entries"), rs.getLong("head"),
					rs.getString("hash").substring(0, AuditAnchor.HASH_START)))
			.list();
		return new AuditAnchor(clock.instant().truncatedTo(ChronoUnit.SECONDS),
				heads.stream().mapToLong(AuditAnchor.Head::count).sum(), heads);
	}

	/** The newest anchor in the anchor table that can be read, or {@code null}. */
	AuditAnchor latestStoredAnchor() {
		for (String word : jdbc.sql("SELECT anchor FROM audit_anchor ORDER BY id DESC LIMIT 5")
			.query(String.class)
			.list()) {
			try {
				return AuditAnchor.parse(word);
			}
			catch (IllegalArgumentException ex) {
				// not written by the application: the log output's copies still count
			}
		}
		return null;
	}

	/**
	 * One page of the entries, newest first, optionally only one actor's or one action's.
	 */
	@Transactional(readOnly = true)
	public Page<AuditEntry> latest(String actor, String action, int page, int size) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
		if (actor != null && !actor.isBlank()) {
			sql.append(" AND actor = :actor");
		}
		if (action != null && !action.isBlank()) {
			sql.append(" AND action = :action");
		}
		sql.append(" ORDER BY id DESC OFFSET :offset LIMIT :limit");
		var spec = jdbc.sql(sql.toString())
			.param("offset", Page.offset(page, size))
			.param("limit", Page.fetchSize(size));
		if (actor != null && !actor.isBlank()) {
			spec = spec.param("actor", actor.strip());
		}
		if (action != null && !action.isBlank()) {
			spec = spec.param("action", action.strip());
		}
		return Page.of(spec.query((rs, n) -> map(rs)).list(), page, size);
	}

	/** The text an entry's hash covers: id, content and the previous hash. */
	static String canonical(AuditEntry e) {
		return String.join("\u001f", String.valueOf(e.id()), canonicalTail(e), e.previousHash());
	}

	/** An entry's content as hashed, without its id and the previous hash. */
	static String canonicalTail(AuditEntry e) {
		return String.join("\u001f", e.occurredAt().toString(), e.actor(), e.action(), String.valueOf(e.targetType()),
				String.valueOf(e.targetId()), String.valueOf(e.clientAddress()), e.outcome(),
				String.valueOf(e.detail()));
	}

	static AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
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
