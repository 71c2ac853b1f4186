package vn.trean.shared;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.crypto.tink.Aead;

/**
 * Encryption at rest under configured keys that can be rotated: AES-256-GCM with
 * associated data, every ciphertext naming the key that sealed it. The current key seals;
 * it and the retired keys open. A key's identifier is derived from the key itself (the
 * start of an HMAC of a fixed text, like the audit chain's keys), so the same
 * configuration gives every instance the same identifiers and none can be configured
 * wrongly.
 *
 * <p>
 * Built on Google Tink rather than Spring Security Crypto: Tink's keysets put the key's
 * identifier in a prefix of every ciphertext and pick the key by it, which is what
 * rotation needs, and its AEAD takes associated data, which ties an attachment to its
 * row; Spring Security's {@code AesBytesEncryptor} has one key and no associated data.
 * Tink also reads the values sealed before this class (plain AES-GCM, nonce then
 * ciphertext and tag) with the same keys in a keyset without prefixes, the
 * <em>legacy</em> format.
 *
 * <p>
 * One instance per purpose (the second-factor secrets, the case attachments), each with
 * its own keys ({@link KeyringKeys}); immutable and safe to share.
 */
public final class Keyring {

	/** The identifier of values sealed before keys were named. */
	public static final String LEGACY = "legacy";

	/** Tink's prefix of a ciphertext: one version byte, then the key's 4-byte id. */
	private static final int PREFIX_BYTES = 5;

	private static final byte TINK_PREFIX = 1;

	private final String purpose;

	private final String variable;

	private final int currentId;

	private final Set<Integer> ids;

	private final Aead named;

	private final Aead legacy;

	private Keyring(String purpose, String variable, Map<Integer, byte[]> keys) throws GeneralSecurityException {
		this.purpose = purpose;
		this.variable = variable;
		this.currentId = keys.keySet().iterator().next();
		this.ids = Set.copyOf(keys.keySet());
		this.named = KeyringKeys.aead(keys, currentId, true);
		this.legacy = KeyringKeys.aead(keys, currentId, false);
	}

	/**
	 * The keyring of one purpose from its settings: the current key and the retired ones,
	 * each 32 random bytes in Base64. Refuses to start (naming the environment variable
	 * that sets the current key) without a proper current key, with a malformed retired
	 * one, or with two keys of the same identifier.
	 */
	public static Keyring of(String purpose, String variable, String currentKey, List<String> retiredKeys) {
		Map<Integer, byte[]> keys = KeyringKeys.read(purpose, variable, currentKey, retiredKeys);
		try {
			return new Keyring(purpose, variable, keys);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot set up the keys of the " + purpose, ex);
		}
	}

	/** The identifier of the key that seals new values. */
	public String currentKeyId() {
		return name(currentId);
	}

	/** The 5 bytes every ciphertext sealed under the current key starts with. */
	public byte[] currentPrefix() {
		return ByteBuffer.allocate(PREFIX_BYTES).put(TINK_PREFIX).putInt(currentId).array();
	}

	/** The identifier of the key a ciphertext names (not checked against the keys). */
	public String keyIdOf(byte[] sealed) {
		return name(idIn(sealed));
	}

	/** Seals the content under the current key, bound to the associated data. */
	public byte[] seal(byte[] plain, byte[] associatedData) {
		try {
			return named.encrypt(plain, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the " + purpose, ex);
		}
	}

	/**
	 * The content of a ciphertext sealed by {@link #seal}; refuses one whose key is not
	 * configured ({@link UnknownKey}), and one that was altered or bound to other data.
	 */
	public byte[] open(byte[] sealed, byte[] associatedData) {
		int id = idIn(sealed);
		if (!ids.contains(id)) {
			throw new UnknownKey(purpose, variable, name(id));
		}
		try {
			return named.decrypt(sealed, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw altered(ex);
		}
	}

	/**
	 * The content of a value in the legacy format (nonce, then ciphertext and tag), tried
	 * with every configured key: it was sealed under the key configured then.
	 */
	public byte[] openLegacy(byte[] nonceAndCiphertext, byte[] associatedData) {
		try {
			return legacy.decrypt(nonceAndCiphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored value of the " + purpose + " from before keys were named "
					+ "opens with neither " + variable + " nor its retired keys (or was altered): add the key "
					+ "configured when it was stored to the retired keys", ex);
		}
	}

	/** A configured key does not open a value: it was sealed under another one. */
	public static final class UnknownKey extends IllegalStateException {

		private final String keyId;

		UnknownKey(String purpose, String variable, String keyId) {
			super("A stored value of the " + purpose + " is sealed under key " + keyId + ", which is neither "
					+ variable + " nor one of its retired keys: add the key it was sealed under to the retired keys");
			this.keyId = keyId;
		}

		public String keyId() {
			return keyId;
		}

	}

	private IllegalStateException altered(Exception cause) {
		return new IllegalStateException("A stored value of the " + purpose + " cannot be decrypted with " + variable
				+ " or its retired keys, or was altered", cause);
	}

	private int idIn(byte[] sealed) {
		if (sealed == null || sealed.length < PREFIX_BYTES || sealed[0] != TINK_PREFIX) {
			throw altered(new GeneralSecurityException("no key prefix"));
		}
		return ByteBuffer.wrap(sealed, 1, 4).getInt();
	}

	private static String name(int id) {
		return HexFormat.of().toHexDigits(id);
	}

	/** For a list of keys in messages and tests: never the keys themselves. */
	@Override
	public String toString() {
		List<String> names = new ArrayList<>();
		ids.forEach(id -> names.add(name(id)));
		return "Keyring[" + purpose + ", current=" + currentKeyId() + ", keys=" + names + "]";
	}

}
