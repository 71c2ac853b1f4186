package vn.trean.cases;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts case attachments at rest with AES-256-GCM under the key from
 * {@code TREAN_CASES_ATTACHMENT_KEY}, so a copy of the database alone does not give
 * anyone a child's documents. The associated data ties each ciphertext to its row: moved
 * to another row or case, it no longer opens. The application does not start without a
 * valid key.
 */
@Component
class AttachmentBox {

	static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	AttachmentBox(AttachmentSettings settings) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(settings.attachmentKey() == null ? "" : settings.attachmentKey().strip());
		}
		catch (IllegalArgumentException ex) {
			raw = new byte[0];
		}
		if (raw.length != 32) {
			throw new IllegalStateException("TREAN_CASES_ATTACHMENT_KEY must be 32 random bytes in Base64 "
					+ "(for example the output of `openssl rand -base64 32`); it encrypts the case attachments");
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	/** A nonce and the ciphertext with its authentication tag. */
	record Sealed(byte[] nonce, byte[] ciphertext) {
	}

	Sealed seal(byte[] plain, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			return new Sealed(nonce, cipher.doFinal(plain));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt an attachment", ex);
		}
	}

	/** The plain content; refuses a ciphertext whose tag does not verify. */
	byte[] open(Sealed sealed, byte[] associatedData) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(sealed.ciphertext());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"A stored attachment cannot be decrypted with TREAN_CASES_ATTACHMENT_KEY or was altered", ex);
		}
	}

}
