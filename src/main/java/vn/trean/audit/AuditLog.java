package vn.trean.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * the hashes are computed here (the key never reaches the database) and the rows inserted
 * in one statement, so a chain's lock is held for two calls and the commit. There is
 * deliberately no update or delete method, and the database role of the application may
 * not do either.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChainKeys keys;

	AuditLog(JdbcClient jdbc, Clock clock, ChainKeys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
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

	private record Reserved(int chain, String previous, Long[] ids) {
	}

	/**
	 * Appends entries to a free chain: its lock and head, then the rows with their hashes
	 * in one statement (V27__keyed_audit_chain.sql).
	 */
	private void write(List<AuditEntry> entries) {
		Reserved reserved = jdbc.sql("SELECT chain_no, previous, ids FROM audit_reserve(:count)")
			.param("count", entries.size())
			.query((rs, n) -> new Reserved(rs.getInt("chain_no"), rs.getString("previous"),
					(Long[]) rs.getArray("ids").getArray()))
			.single();
		String keyId = keys.currentId();
		List<AuditEntry> chained = new ArrayList<>(entries.size());
		String previous = reserved.previous();
		for (int i = 0; i < entries.size(); i++) {
			AuditEntry e = entries.get(i);
			AuditEntry numbered = new AuditEntry(reserved.ids()[i], e.occurredAt(), e.actor(), e.action(),
					e.targetType(), e.targetId(), e.clientAddress(), e.outcome(), e.detail(), previous, null);
			String hash = keys.sign(canonical(numbered));
			chained.add(new AuditEntry(numbered.id(), e.occurredAt(), e.actor(), e.action(), e.targetType(),
					e.targetId(), e.clientAddress(), e.outcome(), e.detail(), previous, hash));
			previous = hash;
		}
		jdbc.sql(
				"""
						INSERT INTO audit_entry (id, occurred_at, actor, action, target_type, target_id, client_address, outcome,
						  detail, previous_hash, hash, chain, key_id)
						SELECT u.*, :chain, :key FROM unnest(:ids::bigint[], :occurred::timestamptz[], :actors::text[],
						  :actions::text[], :types::text[], :targets::text[], :clients::text[], :outcomes::text[], :details::text[],
						  :previous::text[], :hashes::text[]) AS u""")
			.param("chain", reserved.chain())
			.param("key", keyId)
			.param("ids", chained.stream().map(AuditEntry::id).toArray(Long[]::new))
			.param("occurred", column(chained, e -> e.occurredAt().toString()))
			.param("actors", column(chained, AuditEntry::actor))
			.param("actions", column(chained, AuditEntry::action))
			.param("types", column(chained, AuditEntry::targetType))
			.param("targets", column(chained, AuditEntry::targetId))
			.param("clients", column(chained, AuditEntry::clientAddress))
			.param("outcomes", column(chained, AuditEntry::outcome))
			.param("details", column(chained, AuditEntry::detail))
			.param("previous", column(chained, AuditEntry::previousHash))
			.param("hashes", column(chained, AuditEntry::hash))
			.update();
	}

	private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
		return entries.stream().map(value).toArray(String[]::new);
	}

	/** Verifies the log against the latest stored anchor, if there is one. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		return verify(latestStoredAnchor());
	}

	/**
	 * Walks every chain in order and names the first row that does not match (see
	 * {@link ChainVerification} for the problems), then compares the chains with the
	 * anchor: each anchored chain must still hold the anchored number of entries up to
	 * its anchored newest entry, and that entry its hash.
	 * @param anchor the anchor to compare with, or {@code null} for none
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify(AuditAnchor anchor) {
		// one row, written by the migration that keyed the chain; another row, whoever
		// added
		// it, could move the cutoff and let plain hashes pass for keyed ones
		long[] form = jdbc
			.sql("SELECT count(*), coalesce(max(last_legacy_id), 0), coalesce(max(legacy_entries), 0) "
					+ "FROM audit_chain_form")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		if (form[0] != 1) {
			return new ChainVerification(0, 0, null, "form", anchor, 0);
		}
		long lastLegacyId = form[1];
		long legacyEntries = form[2];
		Map<Integer, AuditAnchor.Head> anchored = new HashMap<>();
		if (anchor != null) {
			anchor.heads().forEach(head -> anchored.put(head.chain(), head));
		}
		Map<Integer, Long> foundUpToHead = new HashMap<>();
		Map<Integer, String> headHash = new HashMap<>();
		long[] checked = { 0, 0 };
		Map<Integer, String> expectedPrevious = new HashMap<>();
		ChainVerification[] broken = { null };
		jdbc.sql("SELECT * FROM audit_entry ORDER BY id").withFetchSize(1000).query(rs -> {
			if (broken[0] != null) {
				return;
			}
			AuditEntry entry = map(rs);
			int chain = rs.getInt("chain");
			String keyId = rs.getString("key_id");
			checked[0]++;
			String problem = null;
			if (!entry.previousHash().equals(expectedPrevious.getOrDefault(chain, GENESIS))) {
				problem = "link";
			}
			else if (keyId == null && (entry.id() > lastLegacyId || checked[1] >= legacyEntries)) {
				// after the cutoff, or one more than there were: added outside the
				// application
				problem = "legacy";
			}
			else {
				String expected = keys.expected(keyId, canonical(entry));
				problem = expected == null ? "key" : expected.equals(entry.hash()) ? null : "content";
			}
			if (problem != null) {
				broken[0] = new ChainVerification(checked[0], checked[1], entry.id(), problem, anchor, 0);
				return;
			}
			if (keyId == null) {
				checked[1]++;
			}
			AuditAnchor.Head head = anchored.get(chain);
			if (head != null && entry.id() <= head.headId()) {
				foundUpToHead.merge(chain, 1L, Long::sum);
				if (entry.id() == head.headId()) {
					headHash.put(chain, entry.hash());
				}
			}
			expectedPrevious.put(chain, entry.hash());
		});
		if (broken[0] != null) {
			return broken[0];
		}
		long found = foundUpToHead.values().stream().mapToLong(Long::longValue).sum();
		if (anchor != null) {
			for (AuditAnchor.Head head : anchor.heads()) {
				String hash = headHash.get(head.chain());
				if (foundUpToHead.getOrDefault(head.chain(), 0L) < head.count() || hash == null) {
					return new ChainVerification(checked[0], checked[1], head.headId(),
							found == 0 ? "truncated" : "missing", anchor, found);
				}
				if (!hash.startsWith(head.hashStart())) {
					return new ChainVerification(checked[0], checked[1], head.headId(), "anchor", anchor, found);
				}
			}
		}
		return new ChainVerification(checked[0], checked[1], null, null, anchor, found);
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
