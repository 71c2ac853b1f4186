package vn.trean.identity;

import java.util.Base64;

import org.springframework.stereotype.Component;

import vn.trean.shared.Keyring;

/**
 * Encrypts the TOTP secrets at rest under the keys from {@code TREAN_IDENTITY_SECRET_KEY}
 * and its retired keys (a {@link Keyring}): a copy of the database alone does not give
 * anyone the second factors. A value is {@code v2:} and a ciphertext naming its key;
 * {@code v1:} values, sealed before keys were named (nonce, ciphertext, tag in Base64),
 * are read with the same keys; a value without a mark is read as plain text, so secrets
 * stored before encryption keep working. {@link SecondFactorResealing} moves all of them
 * to the current key.
 */
@Component
class SecretBox {

	private static final String LEGACY_MARK = "v1:";

	private final Keyring keys;

	SecretBox(IdentitySettings settings) {
		this.keys = Keyring.of("second-factor secrets", "TREAN_IDENTITY_SECRET_KEY", settings.secretKey(),
				settings.retiredSecretKeys());
	}

	String seal(String plain) {
		return plain == null ? null : keys.sealText(plain);
	}

	String open(String stored) {
		if (Keyring.isSealedText(stored)) {
			return keys.openText(stored);
		}
		if (stored == null || !stored.startsWith(LEGACY_MARK)) {
			return stored;
		}
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored.substring(LEGACY_MARK.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A stored second-factor secret is not valid Base64", ex);
		}
		return new String(keys.openLegacy(all, new byte[0]), java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The identifier of the key a stored value is under: {@link Keyring#LEGACY} if none.
	 */
	String keyIdOf(String stored) {
		return Keyring.isSealedText(stored) ? keys.keyIdOfText(stored) : Keyring.LEGACY;
	}

	String currentKeyId() {
		return keys.currentKeyId();
	}

	/** The bytes a value sealed under the current key starts with, once decoded. */
	byte[] currentPrefix() {
		return keys.currentPrefix();
	}

}
