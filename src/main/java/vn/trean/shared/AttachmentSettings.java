package vn.trean.shared;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the attachments ({@link AttachmentBox}). Bound under {@code trean.cases},
 * where it was first set, so production sets it as {@code TREAN_CASES_ATTACHMENT_KEY} for
 * the case attachments and the special-circumstance evidence alike.
 *
 * @param attachmentKey 32 random bytes in Base64 that encrypt the attachments at rest
 * @param retiredAttachmentKeys keys used before the current one, still read for the
 * attachments they sealed until the re-encryption command ({@code --reseal-secrets}) has
 * moved them
 */
@ConfigurationProperties("trean.cases")
record AttachmentSettings(String attachmentKey, @DefaultValue List<String> retiredAttachmentKeys) {

	/** Never the keys, wherever settings are printed. */
	@Override
	public String toString() {
		return "AttachmentSettings[attachmentKey=***, retiredAttachmentKeys=" + retiredAttachmentKeys.size() + "]";
	}

}
