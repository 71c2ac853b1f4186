package vn.trean.cases;

import vn.trean.shared.Verdict;

/**
 * What a case may hold as an attachment: a PDF or a picture ({@link AttachmentType}) of
 * at most 10 MB, recognised from its content. Programs and scripts are refused with a
 * message of their own; anything else the content does not show as an accepted type is
 * refused too, whatever its name says.
 */
final class AttachmentPolicy {

	/** 10 MB, the largest file a case may hold. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	private AttachmentPolicy() {
	}

	/**
	 * Assesses an upload from its content: allowed with the type the content shows, or
	 * refused on {@code file} with a message key.
	 * @param content the bytes received, possibly cut after {@code MAX_BYTES + 1}
	 */
	static Verdict<AttachmentType> assess(byte[] content) {
		if (content == null || content.length == 0) {
			return Verdict.refuse("file", "attachment.required");
		}
		if (content.length > MAX_BYTES) {
			return Verdict.refuse("file", "attachment.too-large");
		}
		if (AttachmentType.executable(content)) {
			return Verdict.refuse("file", "attachment.type-executable");
		}
		return AttachmentType.sniff(content)
			.map(Verdict::allow)
			.orElseGet(() -> Verdict.refuse("file", "attachment.type-refused"));
	}

}
