package vn.trean.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;

/**
 * A child's special-circumstance entries and supports with every version, newest first,
 * as her page shows them.
 */
record CircumstanceHistory(List<Entry> entries, List<Support> supports) {

	/** How a version came about. */
	enum Change {

		RECORDED, CORRECTED, ENDED

	}

	/** One entry: its commune, its current version number and its versions. */
	record Entry(long id, UnitId unit, int version, List<EntryVersion> versions) {

		public EntryVersion current() {
			return versions.get(0);
		}

		public boolean open() {
			return current().terms().endedOn() == null;
		}

		CircumstanceFacts.GroupSpan span() {
			EntryTerms t = current().terms();
			return new CircumstanceFacts.GroupSpan(id, t.group(), unit, t.startedOn(), t.endedOn());
		}

	}

	/** One version of an entry: what it says, who made it, when and why. */
	record EntryVersion(int version, Change change, EntryTerms terms, @Nullable String reason, long recordedBy,
			Instant recordedAt) {
	}

	/** One support: its commune, its current version number and its versions. */
	record Support(long id, UnitId unit, int version, List<SupportVersion> versions) {

		public SupportVersion current() {
			return versions.get(0);
		}

	}

	/** One version of a support: what it says, who made it, when and why. */
	record SupportVersion(int version, Change change, SupportTerms terms, @Nullable String reason, long recordedBy,
			Instant recordedAt) {
	}

	/** The current spans of the entries other than {@code except} (0: all). */
	List<CircumstanceFacts.GroupSpan> spansBut(long except) {
		return entries.stream().filter(e -> e.id() != except).map(Entry::span).toList();
	}

	/** Helper for rows: a date column that may be empty. */
	static @Nullable LocalDate date(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	/** Helper for rows: an agency column that may be empty. */
	static @Nullable AgencyId agency(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("agency_id");
		return rs.wasNull() ? null : new AgencyId(id);
	}

}
