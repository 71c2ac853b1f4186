package vn.trean.shared;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/**
 * What an attachment may be (a case's file, a special circumstance's evidence): a PDF or
 * a picture ({@link AttachmentType}) of at most 10 MB, recognised from its content.
 * Programs and scripts are refused with a message of their own; anything else the content
 * does not show as an accepted type is refused too, whatever its name says. Refusals are
 * on the field {@code file}.
 */
public final class AttachmentPolicy {

	/** 10 MB, the largest file an attachment may be. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private AttachmentPolicy() {
	}

	/** A file as it was sent: the name the sender's device gave it and its content. */
	public record Upload(@Nullable String fileName, InputStreamSource content) {
	}

	/**
	 * An upload the policy accepted: its content, the type the content shows, the safe
	 * name it is listed under and its SHA-256.
	 */
	public record Accepted(byte[] content, AttachmentType type, AttachmentFileName fileName, byte[] sha256) {
	}

	/**
	 * Reads and assesses an upload ({@code null}: no file was sent, which is refused as
	 * required): allowed with what is stored of it, or refused on {@code file}.
	 */
	public static Verdict<Accepted> assessUpload(@Nullable Upload upload) {
		if (upload == null) {
			return Verdict.refuse("file", "attachment.required");
		}
		byte[] content;
		try (InputStream in = upload.content().getInputStream()) {
			content = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			return Verdict.refuse("file", "upload.unreadable");
		}
		if (AttachmentFileName.tooLong(upload.fileName())) {
			return Verdict.refuse("file", "upload.name-too-long");
		}
		Verdict<AttachmentType> type = assess(content);
		if (!type.allowed()) {
			return Verdict.refuse(type.errors());
		}
		return Verdict.allow(new Accepted(content, type.value(), AttachmentFileName.of(upload.fileName(), type.value()),
				AttachmentBox.sha256(content)));
	}

	/**
	 * Assesses an upload from its content: allowed with the type the content shows, or
	 * refused on {@code file} with a message key.
	 * @param content the bytes received, possibly cut after {@code MAX_BYTES + 1}
	 */
	public static Verdict<AttachmentType> assess(byte @Nullable [] content) {
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
