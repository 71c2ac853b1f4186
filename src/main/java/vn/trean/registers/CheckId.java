package vn.trean.registers;

/**
 * A capacity check's identity. {@link #valueOf} reads it from an address: a malformed one
 * is a 404.
 */
record CheckId(long value) {

	public static CheckId valueOf(String text) {
		return new CheckId(UnknownRegisterRecord.idOf(text, "capacity check"));
	}

}
