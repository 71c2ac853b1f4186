package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class KeyringTests {

	private static final String OLD = key(1);

	private static final String NEW = key(2);

	private static final byte[] ROW = "row:1".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PLAIN = "Biên bản xác minh".getBytes(StandardCharsets.UTF_8);

	@Test
	void sealsUnderTheCurrentKeyAndOpensWithAFreshNonceEachTime() {
		Keyring keys = Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of());

		byte[] sealed = keys.seal(PLAIN, ROW);

		assertThat(keys.keyIdOf(sealed)).isEqualTo(keys.currentKeyId()).hasSize(8);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Bi");
		assertThat(keys.seal(PLAIN, ROW)).isNotEqualTo(sealed);
		assertThat(keys.open(sealed, ROW)).isEqualTo(PLAIN);
		assertThat(Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of()).currentKeyId())
			.as("the identifier comes from the key, the same on every instance")
			.isEqualTo(keys.currentKeyId());
	}

	@Test
	void aValueSealedUnderARetiredKeyStillOpensAndSealedAgainNamesTheNewKey() {
		Keyring before = Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of());
		byte[] old = before.seal(PLAIN, ROW);
		Keyring rotated = Keyring.of("tests", "TREAN_TEST_KEY", NEW, List.of(OLD));

		byte[] again = rotated.seal(rotated.open(old, ROW), ROW);

		assertThat(rotated.currentKeyId()).isNotEqualTo(before.currentKeyId());
		assertThat(rotated.keyIdOf(old)).isEqualTo(before.currentKeyId());
		assertThat(rotated.keyIdOf(again)).isEqualTo(rotated.currentKeyId());
		assertThat(again).startsWith(rotated.currentPrefix());
		assertThat(rotated.open(again, ROW)).isEqualTo(PLAIN);
	}

	@Test
	void refusesATamperedCiphertextAndOneBoundToOtherData() {
		Keyring keys = Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of());
		byte[] sealed = keys.seal(PLAIN, ROW);
		byte[] altered = sealed.clone();
		altered[altered.length - 3] ^= 1;

		assertThatThrownBy(() -> keys.open(altered, ROW)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("was altered");
		assertThatThrownBy(() -> keys.open(sealed, "row:2".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> keys.open(new byte[] { 1, 2 }, ROW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesAValueUnderAKeyNoLongerConfiguredNamingTheKey() {
		Keyring before = Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of());
		byte[] old = before.seal(PLAIN, ROW);
		Keyring without = Keyring.of("tests", "TREAN_TEST_KEY", NEW, List.of());

		assertThatThrownBy(() -> without.open(old, ROW)).isInstanceOf(Keyring.UnknownKey.class)
			.hasMessageContaining("sealed under key " + before.currentKeyId())
			.hasMessageContaining("TREAN_TEST_KEY")
			.hasMessageContaining("retired keys")
			.satisfies(ex -> assertThat(((Keyring.UnknownKey) ex).keyId()).isEqualTo(before.currentKeyId()));
	}

	@Test
	void opensTheLegacyFormatWithTheCurrentOrARetiredKey() throws Exception {
		byte[] legacy = legacySealed(OLD, PLAIN, ROW);

		assertThat(Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of()).openLegacy(legacy, ROW)).isEqualTo(PLAIN);
		assertThat(Keyring.of("tests", "TREAN_TEST_KEY", NEW, List.of(OLD)).openLegacy(legacy, ROW)).isEqualTo(PLAIN);
		assertThatThrownBy(() -> Keyring.of("tests", "TREAN_TEST_KEY", NEW, List.of()).openLegacy(legacy, ROW))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesToStartWithoutAProperKeyAndNeverPrintsOne() {
		assertThatThrownBy(() -> Keyring.of("tests", "TREAN_TEST_KEY", null, List.of()))
			.hasMessageContaining("TREAN_TEST_KEY")
			.hasMessageContaining("32 random bytes");
		assertThatThrownBy(() -> Keyring.of("tests", "TREAN_TEST_KEY", OLD, List.of("c2hvcnQ=")))
			.hasMessageContaining("retired keys");
		assertThat(Keyring.of("tests", "TREAN_TEST_KEY", NEW, List.of(OLD)).toString()).doesNotContain(NEW, OLD);
	}

	/** The format of the values sealed before keys were named: nonce, ciphertext, tag. */
	public static byte[] legacySealed(String key, byte[] plain, byte[] associatedData) throws Exception {
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
				new GCMParameterSpec(128, nonce));
		cipher.updateAAD(associatedData);
		byte[] sealed = cipher.doFinal(plain);
		byte[] all = new byte[nonce.length + sealed.length];
		System.arraycopy(nonce, 0, all, 0, nonce.length);
		System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
		return all;
	}

	private static String key(int seed) {
		byte[] raw = new byte[32];
		raw[0] = (byte) seed;
		return Base64.getEncoder().encodeToString(raw);
	}

}
