package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.children.ChildId;
import vn.trean.geography.UnitId;

/**
 * What statistics count of one case as it stands: no name, no free text. Read by
 * {@link CaseStatisticsFacts}.
 *
 * @param entries the timeline entries that mark a step statistics count (kinds in
 * {@link CaseStatisticsFacts#COUNTED_ENTRIES}), oldest first
 * @param deadlines every legal clock of the case, started, due and met
 * @param children the children of the case with what dates their age
 * @param reports the reports the case took in, oldest first
 * @param services the services delivered to the case's children
 */
public record CaseFacts(CaseId id, UnitId unit, @Nullable Long officer, ProtectionCase.Status status, String urgency,
		Instant receivedAt, Instant openedAt, @Nullable Instant closedAt, boolean demo, List<Entry> entries,
		List<Deadline> deadlines, List<Child> children, List<Report> reports, List<Service> services) {

	public CaseFacts {
		entries = List.copyOf(entries);
		deadlines = List.copyOf(deadlines);
		children = List.copyOf(children);
		reports = List.copyOf(reports);
		services = List.copyOf(services);
	}

	/** A timeline entry: its kind, its reference (the form of a saved form), when. */
	public record Entry(String kind, @Nullable String ref, Instant at) {
	}

	/** A legal clock: its step (a {@code DeadlineStep} name), started, due, met. */
	public record Deadline(String step, Instant startedAt, Instant dueAt, @Nullable Instant metAt) {
	}

	/**
	 * A child of the case: sex, birth date or year when known, and the approximate age a
	 * report gave when neither is.
	 */
	public record Child(ChildId id, String sex, @Nullable LocalDate birthDate, @Nullable Integer birthYear,
			@Nullable Integer approximateAge) {
	}

	/**
	 * A report taken in: when it was received, the forms of harm and the setting it
	 * names.
	 */
	public record Report(Instant receivedAt, Set<String> harmForms, @Nullable String setting) {

		public Report {
			harmForms = Set.copyOf(harmForms);
		}

	}

	/** A service delivered: its id, its type and the day. */
	public record Service(long id, String type, LocalDate deliveredOn) {
	}

}
