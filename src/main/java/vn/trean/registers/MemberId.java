package vn.trean.registers;

/**
 * A workforce member's identity. {@link #valueOf} reads it from an address: a malformed
 * one is a 404.
 */
record MemberId(long value) {

	public static MemberId valueOf(String text) {
		return new MemberId(UnknownRegisterRecord.idOf(text, "workforce member"));
	}

}
