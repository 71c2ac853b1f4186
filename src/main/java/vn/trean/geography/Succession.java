package vn.trean.geography;

import java.time.LocalDate;

/**
 * One row of the old→new mapping: a predecessor unit went (wholly or in part) into a
 * successor.
 */
public record Succession(AdministrativeUnit predecessor, AdministrativeUnit successor, Kind kind, LocalDate effectiveOn,
		String legalBasis) {

	/** How much of the predecessor went into the successor. */
	public enum Kind {

		/** The whole predecessor merged into the successor. */
		WHOLE,
		/**
		 * The predecessor was split; only part of it went here. Needs a person to decide.
		 */
		PARTIAL,
		/** Same unit, same code, carried over to the new structure. */
		UNCHANGED

	}

}
