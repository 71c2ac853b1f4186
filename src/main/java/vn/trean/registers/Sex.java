package vn.trean.registers;

/** Sex as the statistics break participants down (Circular 13/2021: male, female). */
public enum Sex {

	MALE, FEMALE

}
