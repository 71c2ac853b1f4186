package vn.trean.registers;

/**
 * An interview room's identity. {@link #valueOf} reads it from an address: a malformed
 * one is a 404.
 */
record RoomId(long value) {

	public static RoomId valueOf(String text) {
		return new RoomId(UnknownRegisterRecord.idOf(text, "interview room"));
	}

}
