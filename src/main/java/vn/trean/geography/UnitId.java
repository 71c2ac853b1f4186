package vn.trean.geography;

/** Identity of one administrative unit version (a code plus its validity period). */
public record UnitId(long value) implements java.io.Serializable {

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
