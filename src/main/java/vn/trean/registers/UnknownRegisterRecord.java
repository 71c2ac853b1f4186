package vn.trean.registers;

import vn.trean.shared.UnknownRecord;

/**
 * Asked for a register record (or unit, or count) that does not exist, or by an id that
 * cannot be one: 404.
 */
class UnknownRegisterRecord extends UnknownRecord {

	UnknownRegisterRecord(String what) {
		super("No such " + what);
	}

	/**
	 * The number a record's id in an address stands for; anything else is no record (a
	 * 404, also when the id is converted for a handler's parameter).
	 */
	static long idOf(String text, String what) {
		if (text == null || !text.strip().matches("[0-9]{1,18}")) {
			throw new UnknownRegisterRecord(what + " " + text);
		}
		return Long.parseLong(text.strip());
	}

}
