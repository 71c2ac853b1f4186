package vn.trean.registers;

/**
 * A communication event's identity. {@link #valueOf} reads it from an address: a
 * malformed one is a 404.
 */
record EventId(long value) {

	public static EventId valueOf(String text) {
		return new EventId(UnknownRegisterRecord.idOf(text, "communication event"));
	}

}
