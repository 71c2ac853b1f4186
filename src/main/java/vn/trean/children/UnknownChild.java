package vn.trean.children;

import org.jspecify.annotations.Nullable;

import vn.trean.shared.UnknownRecord;

/**
 * An address that names no child the user may reach (404): a text that is no reference, a
 * reference that names no child, or a child of a commune outside the user's jurisdiction,
 * whom the answer does not reveal. The last is a refusal the audit log keeps, so it
 * carries the child and the actor.
 */
public class UnknownChild extends UnknownRecord {

	private final @Nullable Refused refused;

	UnknownChild(String text) {
		super("No child " + text);
		this.refused = null;
	}

	UnknownChild(ChildId child, String actor, String clientAddress, String reason) {
		super("Child " + child + " out of reach");
		this.refused = new Refused(child, actor, clientAddress, reason);
	}

	/** The refusal to audit, or null when the address names no child at all. */
	@Nullable Refused refused() {
		return refused;
	}

	/** Who was refused which child, and why (a message key). */
	record Refused(ChildId child, String actor, String clientAddress, String reason) {
	}

}
