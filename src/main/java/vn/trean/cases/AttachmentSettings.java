package vn.trean.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the case attachments. Bound under {@code trean.cases} next to
 * {@link CasesSettings}, so production sets it as {@code TREAN_CASES_ATTACHMENT_KEY}.
 *
 * @param attachmentKey 32 random bytes in Base64 that encrypt the attachments at rest
 */
@ConfigurationProperties("trean.cases")
record AttachmentSettings(String attachmentKey) {
}
