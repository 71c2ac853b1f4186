package vn.trean.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks every chain of the audit log in order and names the first row that does not match
 * (see {@link ChainVerification} for the problems), then compares the chains with an
 * anchor: each anchored chain must still hold the anchored number of entries up to its
 * anchored newest entry, and that entry its hash.
 */
@Component
class ChainVerifier {

	private final JdbcClient jdbc;

	private final ChainKeys keys;

	ChainVerifier(JdbcClient jdbc, ChainKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/**
	 * Where the keyed chain began: the last entry with a plain hash and how many there
	 * were.
	 */
	private record ChainForm(long rows, long lastLegacyId, long legacyEntries) {
	}

	/**
	 * The first problem in the log, or none.
	 * @param anchor the anchor to compare with, or {@code null} for none
	 */
	ChainVerification verify(AuditAnchor anchor) {
		// one row, written by the migration that keyed the chain; another row, whoever
		// added it, could move the cutoff and let plain hashes pass for keyed ones
		ChainForm form = jdbc
			.sql("SELECT count(*), coalesce(max(last_legacy_id), 0), coalesce(max(legacy_entries), 0) "
					+ "FROM audit_chain_form")
			.query((rs, n) -> new ChainForm(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
		if (form.rows() != 1) {
			return new ChainVerification(0, 0, null, "form", anchor, 0);
		}
		ChainWalk walk = new ChainWalk(form, anchor);
		jdbc.sql("SELECT * FROM audit_entry ORDER BY id").withFetchSize(1000).query(walk::visit);
		return walk.result();
	}

	/** One walk along the chains, row by row in id order, until the first broken row. */
	private final class ChainWalk {

		private final ChainForm form;

		private final AuditAnchor anchor;

		private final Map<Integer, AuditAnchor.Head> anchored = new HashMap<>();

		private final Map<Integer, Long> foundUpToHead = new HashMap<>();

		private final Map<Integer, String> headHash = new HashMap<>();

		private final Map<Integer, String> expectedPrevious = new HashMap<>();

		private long checked;

		private long legacyChecked;

		private ChainVerification broken;

		ChainWalk(ChainForm form, AuditAnchor anchor) {
			this.form = form;
			this.anchor = anchor;
			if (anchor != null) {
				anchor.heads().forEach(head -> anchored.put(head.chain(), head));
			}
		}

		void visit(ResultSet rs) throws SQLException {
			if (broken != null) {
				return;
			}
			AuditEntry entry = AuditLog.map(rs);
			int chain = rs.getInt("chain");
			String keyId = rs.getString("key_id");
			checked++;
			String problem = problem(entry, chain, keyId);
			if (problem != null) {
				broken = new ChainVerification(checked, legacyChecked, entry.id(), problem, anchor, 0);
				return;
			}
			if (keyId == null) {
				legacyChecked++;
			}
			AuditAnchor.Head head = anchored.get(chain);
			if (head != null && entry.id() <= head.headId()) {
				foundUpToHead.merge(chain, 1L, Long::sum);
				if (entry.id() == head.headId()) {
					headHash.put(chain, entry.hash());
				}
			}
			expectedPrevious.put(chain, entry.hash());
		}

		private String problem(AuditEntry entry, int chain, String keyId) {
			if (!entry.previousHash().equals(expectedPrevious.getOrDefault(chain, AuditLog.GENESIS))) {
				return "link";
			}
			if (keyId == null && (entry.id() > form.lastLegacyId() || legacyChecked >= form.legacyEntries())) {
				// after the cutoff, or one more than there were: added outside the
				// application
				return "legacy";
			}
			String expected = keys.expected(keyId, AuditLog.canonical(entry));
			return expected == null ? "key" : expected.equals(entry.hash()) ? null : "content";
		}

		/** The first broken row, or else how the chains compare with the anchor. */
		ChainVerification result() {
			if (broken != null) {
				return broken;
			}
			long found = foundUpToHead.values().stream().mapToLong(Long::longValue).sum();
			if (anchor != null) {
				for (AuditAnchor.Head head : anchor.heads()) {
					String hash = headHash.get(head.chain());
					if (foundUpToHead.getOrDefault(head.chain(), 0L) < head.count() || hash == null) {
						return new ChainVerification(checked, legacyChecked, head.headId(),
								found == 0 ? "truncated" : "missing", anchor, found);
					}
					if (!hash.startsWith(head.hashStart())) {
						return new ChainVerification(checked, legacyChecked, head.headId(), "anchor", anchor, found);
					}
				}
			}
			return new ChainVerification(checked, legacyChecked, null, null, anchor, found);
		}

	}

}
