package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AttachmentBoxTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final byte[] ROW = "case_attachment:1:2".getBytes(StandardCharsets.US_ASCII);

	@Test
	void sealsAndOpensAFileWithAFreshNonceEachTime() {
		AttachmentBox box = new AttachmentBox(new AttachmentSettings(KEY, java.util.List.of()));
		byte[] plain = AttachmentPolicyTests.PDF;
		AttachmentBox.Sealed sealed = box.seal(plain, ROW);
		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		assertThat(sealed.nonce()).as("the nonce is inside the ciphertext").isNull();
		assertThat(sealed.ciphertext()).isNotEqualTo(box.seal(plain, ROW).ciphertext());
		assertThat(box.keyIdOf(sealed)).isEqualTo(box.currentKeyId());
		assertThat(box.open(sealed, ROW)).isEqualTo(plain);
	}

	@Test
	void refusesAnAlteredCiphertextOrOneMovedToAnotherRow() {
		AttachmentBox box = new AttachmentBox(new AttachmentSettings(KEY, java.util.List.of()));
		AttachmentBox.Sealed sealed = box.seal(AttachmentPolicyTests.PNG, ROW);
		byte[] altered = sealed.ciphertext().clone();
		altered[20] ^= 1;
		assertThatThrownBy(() -> box.open(new AttachmentBox.Sealed(sealed.nonce(), altered), ROW))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> box.open(sealed, "case_attachment:1:3".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void opensAnAttachmentStoredBeforeKeysWereNamedWithItsOwnNonce() throws Exception {
		byte[] legacy = vn.trean.shared.KeyringTests.legacySealed(KEY, AttachmentPolicyTests.PDF, ROW);
		AttachmentBox.Sealed stored = new AttachmentBox.Sealed(java.util.Arrays.copyOf(legacy, 12),
				java.util.Arrays.copyOfRange(legacy, 12, legacy.length));
		AttachmentBox box = new AttachmentBox(new AttachmentSettings(KEY, java.util.List.of()));

		assertThat(box.open(stored, ROW)).isEqualTo(AttachmentPolicyTests.PDF);
		assertThat(box.keyIdOf(stored)).isEqualTo("legacy");
	}

	@Test
	void refusesToStartWithoutAProperKey() {
		assertThatThrownBy(() -> new AttachmentBox(new AttachmentSettings(null, java.util.List.of())))
			.hasMessageContaining("TREAN_CASES_ATTACHMENT_KEY");
		assertThatThrownBy(() -> new AttachmentBox(new AttachmentSettings("c2hvcnQ=", java.util.List.of())))
			.hasMessageContaining("32 random bytes");
		assertThatThrownBy(() -> new AttachmentBox(new AttachmentSettings("not base64 !!", java.util.List.of())))
			.hasMessageContaining("Base64");
	}

	/** A box under the current key given, still opening what the retired ones sealed. */
	public static AttachmentBox box(String currentKey, java.util.List<String> retiredKeys) {
		return new AttachmentBox(new AttachmentSettings(currentKey, retiredKeys));
	}

}
