package vn.trean.identity;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, six
 * digits, accepting one step either side for clock drift. The caller refuses a step that
 * was used before, so a code cannot be used twice.
 */
final class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final int DRIFT_STEPS = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base32 BASE32 = new Base32();

	private Totp() {
	}

	/** A new 160-bit secret in Base32, as authenticator apps expect it. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	static long stepAt(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
	}

	/**
	 * The time step whose code equals {@code code}, within the allowed drift around
	 * {@code now}.
	 */
	static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = stepAt(now);
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (java.security.MessageDigest.isEqual(codeAt(secret, step).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static String codeAt(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The otpauth URI an authenticator app reads from the QR code. */
	static String otpauthUri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + PERIOD_SECONDS;
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Base32 (RFC 4648) without padding, as authenticator apps show a secret. */
	static String base32(byte[] bytes) {
		return BASE32.encodeToString(bytes).replace("=", "");
	}

	/**
	 * The bytes of a Base32 text, with or without padding, spaces or lower case; refuses
	 * any other character (Commons Codec would skip it silently).
	 */
	static byte[] unbase32(String text) {
		String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
		if (!BASE32.isInAlphabet(clean)) {
			throw new IllegalArgumentException("not Base32");
		}
		return BASE32.decode(clean);
	}

}
