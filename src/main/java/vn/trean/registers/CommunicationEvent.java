package vn.trean.registers;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/**
 * A communication event with how many people it reached and the households it identified.
 */
record CommunicationEvent(long id, UnitId unit, LocalDate heldOn, String type, String channel, String audience,
		int reach, String materials, int households, int version) implements RegisterRecord {
}
