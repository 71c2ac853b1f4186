package vn.trean.children;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;

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

	/**
	 * One version of an entry: what it says, the evidence file it carries (if any), who
	 * made it, when and why.
	 */
	record EntryVersion(int version, Change change, EntryTerms terms, @Nullable EvidenceFile file,
			@Nullable String reason, long recordedBy, Instant recordedAt) {
	}

	/** An evidence file as the page lists it: its id and the name it downloads under. */
	record EvidenceFile(UUID id, String fileName) {
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

}
