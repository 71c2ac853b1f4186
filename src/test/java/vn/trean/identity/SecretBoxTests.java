package vn.trean.identity;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

	private static IdentitySettings settings(String key) {
		return new IdentitySettings(5, Duration.ofMinutes(15), Duration.ofHours(24), 10, Duration.ofMinutes(15),
				Duration.ofHours(1), "Trẻ An", 10, false, key, java.util.List.of());
	}

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void sealsAndOpensASecretWithoutShowingIt() {
		SecretBox box = new SecretBox(settings(KEY));
		String sealed = box.seal("JBSWY3DPEHPK3PXP");
		assertThat(sealed).startsWith("v2:").doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(box.seal("JBSWY3DPEHPK3PXP")).as("a fresh IV each time").isNotEqualTo(sealed);
		assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void settingsNeverPrintTheKey() {
		String key = Base64.getEncoder().encodeToString("khoa-bi-mat-cua-he-thong-32-byte".getBytes());
		assertThat(settings(key).toString()).doesNotContain(key).contains("secretKey=***");
	}

	@Test
	void readsSecretsStoredBeforeEncryptionAsTheyAre() {
		assertThat(new SecretBox(settings(KEY)).open("JBSWY3DPEHPK3PXP")).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void readsSecretsSealedBeforeKeysWereNamed() throws Exception {
		byte[] legacy = vn.trean.shared.KeyringTests.legacySealed(KEY,
				"JBSWY3DPEHPK3PXP".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[0]);
		String stored = "v1:" + Base64.getEncoder().encodeToString(legacy);

		SecretBox box = new SecretBox(settings(KEY));

		assertThat(box.open(stored)).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(box.keyIdOf(stored)).isEqualTo("legacy");
		assertThat(box.keyIdOf(box.seal("JBSWY3DPEHPK3PXP"))).isEqualTo(box.currentKeyId());
	}

	@Test
	void refusesToOpenWithAnotherKey() {
		String sealed = new SecretBox(settings(KEY)).seal("JBSWY3DPEHPK3PXP");
		byte[] other = new byte[32];
		other[0] = 1;
		SecretBox wrong = new SecretBox(settings(Base64.getEncoder().encodeToString(other)));
		assertThatThrownBy(() -> wrong.open(sealed)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesToStartWithoutAProperKey() {
		assertThatThrownBy(() -> new SecretBox(settings(null))).hasMessageContaining("TREAN_IDENTITY_SECRET_KEY");
		assertThatThrownBy(() -> new SecretBox(settings("c2hvcnQ="))).hasMessageContaining("32 random bytes");
		assertThatThrownBy(() -> new SecretBox(settings("not base64 !!"))).hasMessageContaining("Base64");
	}

}
