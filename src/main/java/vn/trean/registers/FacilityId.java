package vn.trean.registers;

/**
 * A school's or health facility's identity. {@link #valueOf} reads it from an address: a
 * malformed one is a 404.
 */
record FacilityId(long value) {

	public static FacilityId valueOf(String text) {
		return new FacilityId(UnknownRegisterRecord.idOf(text, "facility"));
	}

}
