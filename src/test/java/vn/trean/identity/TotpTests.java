package vn.trean.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 seed of RFC 6238 appendix B, "12345678901234567890", in Base32. */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
			"20000000000, 353130" })
	void producesTheRfc6238TestVectors(long time, String code) {
		assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(time)))).isEqualTo(code);
	}

	@Test
	void acceptsOneStepOfClockDriftEitherSide() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = Totp.stepAt(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 2), now)).isEmpty();
	}

	@Test
	void refusesMalformedCodes() {
		Instant now = Instant.now();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void encodesSecretsInBase32AndBack() {
		byte[] bytes = "any secret bytes".getBytes(StandardCharsets.US_ASCII);
		assertThat(Totp.unbase32(Totp.base32(bytes))).isEqualTo(bytes);
		assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
	}

	@Test
	void readsASecretAsAuthenticatorAppsShowItAndRefusesWhatIsNotBase32() {
		byte[] bytes = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(Totp.base32(bytes)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.unbase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(bytes);
		assertThat(Totp.base32(new byte[7])).isEqualTo("AAAAAAAAAAAA");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Totp.unbase32("GEZD1NBV"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void buildsTheOtpauthUriAuthenticatorAppsRead() {
		assertThat(Totp.otpauthUri("Trẻ An", "demo.admin", "ABC"))
			.startsWith("otpauth://totp/Tr%E1%BA%BB%20An:demo.admin?secret=ABC&issuer=Tr%E1%BA%BB%20An");
	}

	@Test
	void drawsTheQrCodeAsInlineSvgWithoutScript() {
		String svg = QrCode.svg(Totp.otpauthUri("Trẻ An", "demo.admin", RFC_SECRET));
		assertThat(svg).startsWith("<svg").contains("<path").doesNotContain("<script");
	}

}
