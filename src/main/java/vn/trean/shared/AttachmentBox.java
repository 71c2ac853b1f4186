package vn.trean.shared;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts attachments at rest (a case's files, the evidence of a child's special
 * circumstances) under the keys from {@code TREAN_CASES_ATTACHMENT_KEY} and its retired
 * keys (a {@link Keyring}), so a copy of the database alone does not give anyone a
 * child's documents. One box serves every module that keeps files, so one key and one
 * re-encryption cover them all. The associated data each caller gives ties each
 * ciphertext to its row: moved to another row, it no longer opens. A new attachment is
 * one ciphertext naming its key (no nonce column: the nonce is inside); a case attachment
 * stored before keys were named has its nonce in a column of its own and opens with the
 * same keys. The application does not start without a valid key.
 */
@Component
public class AttachmentBox {

	static final int NONCE_BYTES = 12;

	private final Keyring keys;

	AttachmentBox(AttachmentSettings settings) {
		this.keys = Keyring.of("attachments", "TREAN_CASES_ATTACHMENT_KEY", settings.attachmentKey(),
				settings.retiredAttachmentKeys());
	}

	/**
	 * A stored ciphertext: {@code nonce} null for one naming its key, the separate nonce
	 * of a legacy one.
	 */
	public record Sealed(byte @Nullable [] nonce, byte[] ciphertext) {

		boolean legacy() {
			return nonce != null;
		}

	}

	public Sealed seal(byte[] plain, byte[] associatedData) {
		return new Sealed(null, keys.seal(plain, associatedData));
	}

	/** The plain content; refuses a ciphertext whose tag does not verify. */
	public byte[] open(Sealed sealed, byte[] associatedData) {
		if (!sealed.legacy()) {
			return keys.open(sealed.ciphertext(), associatedData);
		}
		byte[] joined = ByteBuffer.allocate(sealed.nonce().length + sealed.ciphertext().length)
			.put(sealed.nonce())
			.put(sealed.ciphertext())
			.array();
		return keys.openLegacy(joined, associatedData);
	}

	/**
	 * The identifier of the key a stored attachment is under: {@link Keyring#LEGACY} if
	 * none.
	 */
	public String keyIdOf(Sealed sealed) {
		return sealed.legacy() ? Keyring.LEGACY : keys.keyIdOf(sealed.ciphertext());
	}

	public String currentKeyId() {
		return keys.currentKeyId();
	}

	/** The bytes a ciphertext sealed under the current key starts with. */
	public byte[] currentPrefix() {
		return keys.currentPrefix();
	}

	/**
	 * The SHA-256 of a file, kept beside its ciphertext and checked when it is opened.
	 */
	public static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
