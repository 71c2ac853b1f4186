package vn.trean.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content an API request with an {@code Idempotency-Key} is compared by: its JSON
 * read as a tree (a key given twice is malformed) and written again with sorted keys and
 * no spaces, so a retry laid out otherwise is the same request; and the SHA-256 of that
 * content, the hash the stored answer is kept under.
 */
public final class CanonicalJson {

	private final JsonMapper strict;

	/** Built from the application's mapper, with strict reading and sorted writing. */
	public CanonicalJson(JsonMapper json) {
		this.strict = json.rebuild()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
			.build();
	}

	/**
	 * The body as a tree.
	 * @throws JacksonException when it is no JSON, or names a key twice
	 */
	public JsonNode read(byte[] body) {
		return strict.readTree(body);
	}

	/** The tree as its canonical content: keys sorted, no spaces. */
	public byte[] write(JsonNode tree) {
		return strict.writeValueAsBytes(tree);
	}

	/** The SHA-256 of a content, in hexadecimal. */
	public static String hash(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
