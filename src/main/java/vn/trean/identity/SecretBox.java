package vn.trean.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts the TOTP secrets at rest with AES-256-GCM under the key from
 * {@code TREAN_IDENTITY_SECRET_KEY}: a copy of the database alone does not give anyone
 * the second factors. Values carry a version prefix; a value without it is read as plain
 * text, so secrets stored before encryption keep working until they are enrolled again.
 */
@Component
class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(IdentitySettings settings) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(settings.secretKey() == null ? "" : settings.secretKey().strip());
		}
		catch (IllegalArgumentException ex) {
			raw = new byte[0];
		}
		if (raw.length != 32) {
			throw new IllegalStateException("TREAN_IDENTITY_SECRET_KEY must be 32 random bytes in Base64 "
					+ "(for example the output of `openssl rand -base64 32`); it encrypts the second-factor secrets");
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	String seal(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a secret", ex);
		}
	}

	String open(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted with TREAN_IDENTITY_SECRET_KEY", ex);
		}
	}

}
