package vn.trean.shared;

/**
 * An address that names no record the user may see (an id that names nothing, or a text
 * that is no id at all): a 404, the translated "not found" page for pages
 * ({@code Refusals}) and a problem titled with the translated {@link #messageKey()} for
 * the API ({@code ApiProblems}). Modules extend it with their own name so a log line says
 * where.
 */
public abstract class UnknownRecord extends RuntimeException {

	/** The title of a record nothing more specific is said of: "not found". */
	public static final String NOT_FOUND = "error.404.title";

	private final String messageKey;

	/** A record titled "not found"; {@code detail} says which, for the log. */
	protected UnknownRecord(String detail) {
		this(NOT_FOUND, detail);
	}

	protected UnknownRecord(String messageKey, String detail) {
		super(detail);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
