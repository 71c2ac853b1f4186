package vn.trean.registers;

import java.time.LocalDate;

import vn.trean.geography.UnitId;

/**
 * A training held for a unit: participants are counted by role and sex, and those on the
 * roster are linked to it (so "trained" is counted, not typed).
 */
record Training(long id, UnitId unit, LocalDate heldOn, String topic, String organiser, TrainingKind kind, int counted,
		int fromRoster, int version) implements RegisterRecord {
}
