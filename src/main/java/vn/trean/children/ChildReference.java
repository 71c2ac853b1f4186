package vn.trean.children;

import java.util.Optional;
import java.util.UUID;

/**
 * The name of a registered child in everything that leaves the server (pages, forms, the
 * API): random, so that it cannot be counted or guessed, unlike the internal
 * {@link ChildId}.
 */
public record ChildReference(UUID value) {

	public ChildReference {
		if (value == null) {
			throw new IllegalArgumentException("A child reference needs a value");
		}
	}

	/**
	 * The reference as an address names it; a text that is no reference names no child (a
	 * 404 page).
	 */
	public static ChildReference valueOf(String text) {
		return parse(text).orElseThrow(() -> new UnknownChild(text));
	}

	/** The reference written as text, if the text is one (a UUID in canonical form). */
	public static Optional<ChildReference> parse(String text) {
		if (text == null || !text.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
			return Optional.empty();
		}
		return Optional.of(new ChildReference(UUID.fromString(text)));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
