package vn.trean.cases;

import java.nio.ByteBuffer;

import org.springframework.stereotype.Component;

import vn.trean.shared.Keyring;

/**
 * Encrypts case attachments at rest under the keys from
 * {@code TREAN_CASES_ATTACHMENT_KEY} and its retired keys (a {@link Keyring}), so a copy
 * of the database alone does not give anyone a child's documents. The associated data
 * ties each ciphertext to its row: moved to another row or case, it no longer opens. A
 * new attachment is one ciphertext naming its key (no nonce column: the nonce is inside);
 * one stored before keys were named has its nonce in a column of its own and opens with
 * the same keys. The application does not start without a valid key.
 */
@Component
class AttachmentBox {

	static final int NONCE_BYTES = 12;

	private final Keyring keys;

	AttachmentBox(AttachmentSettings settings) {
		this.keys = Keyring.of("case attachments", "TREAN_CASES_ATTACHMENT_KEY", settings.attachmentKey(),
				settings.retiredAttachmentKeys());
	}

	/**
	 * A stored ciphertext: {@code nonce} null for one naming its key, the separate nonce
	 * of a legacy one.
	 */
	record Sealed(byte[] nonce, byte[] ciphertext) {

		boolean legacy() {
			return nonce != null;
		}

	}

	Sealed seal(byte[] plain, byte[] associatedData) {
		return new Sealed(null, keys.seal(plain, associatedData));
	}

	/** The plain content; refuses a ciphertext whose tag does not verify. */
	byte[] open(Sealed sealed, byte[] associatedData) {
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
	String keyIdOf(Sealed sealed) {
		return sealed.legacy() ? Keyring.LEGACY : keys.keyIdOf(sealed.ciphertext());
	}

	String currentKeyId() {
		return keys.currentKeyId();
	}

	/** The bytes a ciphertext sealed under the current key starts with. */
	byte[] currentPrefix() {
		return keys.currentPrefix();
	}

}
