package vn.trean.audit;

/**
 * The result of checking the hash chain: how many rows were checked and, when the chain
 * is broken, the first row whose content or link does not match.
 */
public record ChainVerification(long rowsChecked, Long firstBrokenId, String problem) {

	public boolean intact() {
		return firstBrokenId == null;
	}

}
