package vn.trean.audit;

/**
 * The result of checking the audit log: how many entries were checked (and how many of
 * them are from before the keyed chain, checked by their plain SHA-256), the anchor they
 * were compared with, and, when something is wrong, the first entry concerned and what is
 * wrong: {@code content} (the entry was changed), {@code link} (the entry before it in
 * its chain was changed or removed), {@code legacy} (a plain hash after the keyed chain
 * began: written or rewritten outside the application), {@code key} (signed with a key
 * the verifier does not hold), {@code anchor} (the anchored newest entry of a chain has
 * another hash now), {@code missing} (entries the anchor counted are gone: the tail of a
 * chain was cut), {@code truncated} (none of the anchored entries is left) or
 * {@code form} (the record of where the keyed chain began was added to).
 *
 * @param anchor the anchor compared with, or {@code null} when there was none
 * @param anchoredFound how many of the anchor's entries are still there
 */
public record ChainVerification(long rowsChecked, long legacyRows, Long firstBrokenId, String problem,
		AuditAnchor anchor, long anchoredFound) {

	public boolean intact() {
		return problem == null;
	}

}
