package vn.trean.registers;

/**
 * A training's identity. {@link #valueOf} reads it from an address: a malformed one is a
 * 404.
 */
record TrainingId(long value) {

	public static TrainingId valueOf(String text) {
		return new TrainingId(UnknownRegisterRecord.idOf(text, "training"));
	}

}
