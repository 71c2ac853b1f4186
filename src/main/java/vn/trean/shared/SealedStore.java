package vn.trean.shared;

/**
 * Values a module stores sealed by a {@link Keyring}, as the re-encryption command
 * ({@link ResealCommand}) sees them: it asks each store to move its values to the current
 * key, a batch at a time, until none is left.
 */
public interface SealedStore {

	/** What the store holds, for the command's output. */
	String name();

	/** The identifier of the key the store seals under now. */
	String currentKeyId();

	/**
	 * Re-encrypts at most {@code limit} stored values that are not sealed under the
	 * current key (older keys, the legacy format, plain values), in one transaction of
	 * its own; returns how many it moved, 0 when none is left. Values already under the
	 * current key are never touched, so a run stopped midway is completed by the next
	 * one.
	 */
	int resealNext(int limit);

}
