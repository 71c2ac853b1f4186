package vn.trean.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.AccessesPartialKey;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The key material of a {@link Keyring}: the configured keys read and named by their
 * identifiers, and the Tink keysets built from them, one whose ciphertexts name their key
 * and one for the legacy format without a prefix.
 */
final class KeyringKeys {

	private static final AesGcmParameters NAMED;

	private static final AesGcmParameters UNNAMED;

	static {
		try {
			AeadConfig.register();
			NAMED = parameters(AesGcmParameters.Variant.TINK);
			UNNAMED = parameters(AesGcmParameters.Variant.NO_PREFIX);
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private KeyringKeys() {
	}

	/**
	 * The current key first, then the retired ones, by identifier. Refuses (naming the
	 * environment variable that sets the current key) a missing or malformed key and two
	 * keys of the same identifier.
	 */
	static Map<Integer, byte[]> read(String purpose, String variable, String currentKey, List<String> retiredKeys) {
		Map<Integer, byte[]> keys = new LinkedHashMap<>();
		byte[] current = decode(currentKey, variable, purpose);
		keys.put(idOf(current), current);
		for (String retired : retiredKeys == null ? List.<String>of() : retiredKeys) {
			byte[] raw = decode(retired, variable + "'s retired keys", purpose);
			byte[] before = keys.putIfAbsent(idOf(raw), raw);
			if (before != null && !MessageDigest.isEqual(before, raw)) {
				throw new IllegalStateException(
						"Two keys of " + variable + " have the same identifier: " + "generate another one");
			}
		}
		return keys;
	}

	/**
	 * The AEAD of all the keys, the one of {@code currentId} sealing: ciphertexts that
	 * start with their key's identifier when {@code named}, the legacy format otherwise.
	 */
	static Aead aead(Map<Integer, byte[]> keys, int currentId, boolean named) throws GeneralSecurityException {
		KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
		for (Map.Entry<Integer, byte[]> key : keys.entrySet()) {
			KeysetHandle.Builder.Entry entry = KeysetHandle
				.importKey(named ? key(NAMED, key.getValue(), key.getKey()) : key(UNNAMED, key.getValue(), null))
				.withFixedId(key.getKey());
			if (key.getKey() == currentId) {
				entry.makePrimary();
			}
			keyset.addEntry(entry);
		}
		return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	@AccessesPartialKey
	private static AesGcmKey key(AesGcmParameters parameters, byte[] raw, Integer id) throws GeneralSecurityException {
		return AesGcmKey.builder()
			.setParameters(parameters)
			.setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
			.setIdRequirement(id)
			.build();
	}

	private static AesGcmParameters parameters(AesGcmParameters.Variant variant) throws GeneralSecurityException {
		return AesGcmParameters.builder()
			.setKeySizeBytes(32)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(variant)
			.build();
	}

	/** The key's identifier: the start of an HMAC of a fixed text under it. */
	private static int idOf(byte[] raw) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(raw, "HmacSHA256"));
			return ByteBuffer.wrap(mac.doFinal("trean keyring key id".getBytes(StandardCharsets.US_ASCII))).getInt();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64, String variable, String purpose) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
		}
		catch (IllegalArgumentException ex) {
			raw = new byte[0];
		}
		if (raw.length != 32) {
			throw new IllegalStateException(variable + " must be 32 random bytes in Base64 "
					+ "(for example the output of `openssl rand -base64 32`); it encrypts the " + purpose);
		}
		return raw;
	}

}
