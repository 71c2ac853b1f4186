package vn.trean.registers;

import vn.trean.geography.UnitId;

/** A stored record of a register: its id, the unit it belongs to, the version read. */
interface RegisterRecord {

	long id();

	UnitId unit();

	int version();

}
