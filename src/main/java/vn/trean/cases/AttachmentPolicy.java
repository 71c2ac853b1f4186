package vn.trean.cases;

/**
 * What a case may hold as an attachment: a PDF or a picture ({@link AttachmentType}) of
 * at most 10 MB, recognised from its content. Programs and scripts are refused with a
 * message of their own; anything else the content does not show as an accepted type is
 * refused too, whatever its name says.
 */
final class AttachmentPolicy {

	/** 10 MB, the largest file a case may hold. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Allowed with the type the content shows, or refused with a message key. */
	record Verdict(AttachmentType type, String reason) {

		boolean allowed() {
			return type != null;
		}

		static Verdict allowed(AttachmentType type) {
			return new Verdict(type, null);
		}

		static Verdict refused(String reason) {
			return new Verdict(null, reason);
		}

	}

	private AttachmentPolicy() {
	}

	/**
	 * Assesses an upload from its content.
	 * @param content the bytes received, possibly cut after {@code MAX_BYTES + 1}
	 */
	static Verdict assess(byte[] content) {
		if (content == null || content.length == 0) {
			return Verdict.refused("attachment.required");
		}
		if (content.length > MAX_BYTES) {
			return Verdict.refused("attachment.too-large");
		}
		if (AttachmentType.executable(content)) {
			return Verdict.refused("attachment.type-executable");
		}
		return AttachmentType.sniff(content).map(Verdict::allowed).orElse(Verdict.refused("attachment.type-refused"));
	}

}
