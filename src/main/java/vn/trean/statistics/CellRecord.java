package vn.trean.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;

/**
 * One record behind a cell of a table: a case (its id), a report (its id) or a child (her
 * number in the registry), the unit it counts in and its day (the first harm, the
 * opening, the receipt, the start in the group).
 */
public record CellRecord(Kind kind, String id, UnitId unit, @Nullable LocalDate day) {

	/** What the record is, and so where the drill-down links to. */
	public enum Kind {

		CASE, REPORT, CHILD

	}

}
