package vn.trean.registers;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/** A room for interviewing children, established on a date, child-friendly or not. */
record InterviewRoom(long id, UnitId unit, String name, LocalDate establishedOn, boolean childFriendly,
		int version) implements RegisterRecord {
}
