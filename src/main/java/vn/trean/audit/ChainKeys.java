package vn.trean.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The keys of the audit chain: the current one signs new entries, retired ones still
 * verify the entries they signed. A key is named in each entry by its fingerprint (the
 * start of an HMAC of a fixed text under it), so rotating needs no separate identifier
 * that could be configured wrongly, and the fingerprint tells nothing about the key.
 * Entries from before the keyed chain have no key and a plain SHA-256.
 */
@Component
class ChainKeys {

	private static final int MIN_BYTES = 32;

	private final String currentId;

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	ChainKeys(AuditSettings settings) {
		SecretKeySpec current = decode(settings.chainKey(), "TREAN_AUDIT_CHAIN_KEY");
		this.currentId = fingerprint(current);
		keys.put(currentId, current);
		for (String retired : settings.retiredChainKeys()) {
			SecretKeySpec key = decode(retired, "TREAN_AUDIT_RETIRED_CHAIN_KEYS");
			keys.putIfAbsent(fingerprint(key), key);
		}
	}

	/** The identifier of the key that signs new entries. */
	String currentId() {
		return currentId;
	}

	/** The hash of a canonical entry text under the current key. */
	String sign(String canonical) {
		return hmac(keys.get(currentId), canonical);
	}

	/**
	 * The hash an entry's text must have: HMAC under the named key, plain SHA-256 for a
	 * legacy entry ({@code keyId} null), or null when the key is unknown.
	 */
	String expected(String keyId, String canonical) {
		if (keyId == null) {
			return sha256(canonical);
		}
		SecretKeySpec key = keys.get(keyId.strip());
		return key == null ? null : hmac(key, canonical);
	}

	static String sha256(String canonical) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String fingerprint(SecretKeySpec key) {
		return hmac(key, "trean audit chain key").substring(0, 16);
	}

	private static SecretKeySpec decode(String base64, String variable) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
		}
		catch (IllegalArgumentException ex) {
			raw = new byte[0];
		}
		if (raw.length < MIN_BYTES) {
			throw new IllegalStateException(variable + " must be at least 32 random bytes in Base64 "
					+ "(for example the output of `openssl rand -base64 32`); it keys the audit chain");
		}
		return new SecretKeySpec(raw, "HmacSHA256");
	}

}
