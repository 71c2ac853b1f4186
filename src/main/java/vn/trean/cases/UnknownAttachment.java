package vn.trean.cases;

import vn.trean.shared.UnknownRecord;

/**
 * An attachment id that names no attachment of that case the user may see (404): another
 * case's attachment is never served through this one. Also a text in an address that is
 * no attachment id ({@link AttachmentId#valueOf}).
 */
public class UnknownAttachment extends UnknownRecord {

	UnknownAttachment(CaseId id, AttachmentId attachment) {
		super("No attachment " + attachment + " in case " + id);
	}

	UnknownAttachment(String text) {
		super("No attachment " + text);
	}

}
