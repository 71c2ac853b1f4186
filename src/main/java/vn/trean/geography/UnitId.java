package vn.trean.geography;

/** Identity of one administrative unit version (a code plus its validity period). */
public record UnitId(long value) implements java.io.Serializable {

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	/**
	 * The id in a URL or a form field, as Spring binds it.
	 * @throws IllegalArgumentException when the text is not a whole number
	 */
	public static UnitId valueOf(String text) {
		return new UnitId(Long.parseLong(text.strip()));
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
