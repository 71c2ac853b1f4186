package vn.trean.cases;

import java.time.Instant;

import vn.trean.shared.AttachmentFileName;
import vn.trean.shared.AttachmentType;

/** A file attached to a case, as the case page lists it (without its content). */
public record CaseAttachment(AttachmentId id, AttachmentFileName fileName, AttachmentType type, int size,
		NoteVisibility visibility, Instant uploadedAt) {

	/** The size in kilobytes, rounded up. */
	public long kilobytes() {
		return (size + 1023L) / 1024;
	}

}
