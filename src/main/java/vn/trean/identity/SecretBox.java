package vn.trean.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import vn.trean.shared.Keyring;

/**
 * Encrypts the TOTP secrets at rest under the keys from {@code TREAN_IDENTITY_SECRET_KEY}
 * and its retired keys (a {@link Keyring}): a copy of the database alone does not give
 * anyone the second factors. A value is {@code v2:} and, in Base64, a ciphertext naming
 * its key; {@code v1:} values, sealed before keys were named (nonce, ciphertext, tag),
 * are read with the same keys; a value without a mark is read as plain text, so secrets
 * stored before encryption keep working. {@link SecondFactorResealing} moves all of them
 * to the current key.
 */
@Component
class SecretBox {

	/** The mark of a value naming its key. */
	static final String MARK = "v2:";

	private static final String LEGACY_MARK = "v1:";

	private static final byte[] NO_DATA = new byte[0];

	private final Keyring keys;

	SecretBox(IdentitySettings settings) {
		this.keys = Keyring.of("second-factor secrets", "TREAN_IDENTITY_SECRET_KEY", settings.secretKey(),
				settings.retiredSecretKeys());
	}

	String seal(String plain) {
		if (plain == null) {
			return null;
		}
		return MARK + Base64.getEncoder().encodeToString(keys.seal(plain.getBytes(StandardCharsets.UTF_8), NO_DATA));
	}

	String open(String stored) {
		boolean named = stored != null && stored.startsWith(MARK);
		if (!named && (stored == null || !stored.startsWith(LEGACY_MARK))) {
			return stored;
		}
		byte[] sealed = decoded(stored);
		byte[] plain = named ? keys.open(sealed, NO_DATA) : keys.openLegacy(sealed, NO_DATA);
		return new String(plain, StandardCharsets.UTF_8);
	}

	/**
	 * The identifier of the key a stored value is under: {@link Keyring#LEGACY} if none.
	 */
	String keyIdOf(String stored) {
		return stored != null && stored.startsWith(MARK) ? keys.keyIdOf(decoded(stored)) : Keyring.LEGACY;
	}

	String currentKeyId() {
		return keys.currentKeyId();
	}

	/** The bytes a value sealed under the current key starts with, once decoded. */
	byte[] currentPrefix() {
		return keys.currentPrefix();
	}

	/** The ciphertext of a marked value (both marks are three characters). */
	private static byte[] decoded(String stored) {
		try {
			return Base64.getDecoder().decode(stored.substring(MARK.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A stored second-factor secret is not valid Base64", ex);
		}
	}

}
