package vn.trean.children;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * Records, corrects and ends a child's special-circumstance entries and supports, for
 * those who manage cases at one of her places ({@link ChildAccess}). Each write checks
 * {@link CircumstancePolicy} with the child's row locked (so two entries of one group
 * cannot both pass), adds a version and keeps every earlier one, and publishes
 * {@link SpecialCircumstancesChanged} and its audit entry, all in one transaction. An
 * entry's evidence file is stored ({@link CircumstanceFiles}) in that same transaction.
 */
@Service
@Transactional
class CircumstanceRecords {

	static final String ENTRIES = "circumstance_entry";

	static final String SUPPORTS = "support_entry";

	private final ChildAccess access;

	private final CircumstanceStore store;

	private final AgencyLookup agencies;

	private final CircumstanceFiles files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CircumstanceRecords(ChildAccess access, CircumstanceStore store, CircumstanceFiles files, AgencyLookup agencies,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.store = store;
		this.files = files;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** Records a new entry for the commune the user reaches the child at. */
	long record(Actor actor, ChildReference reference, EntryTerms terms, boolean demo) {
		return record(actor, reference, terms, null, demo);
	}

	/**
	 * Records a new entry, with its evidence file when one is sent; a refused file
	 * refuses the entry, and nothing is saved.
	 */
	long record(Actor actor, ChildReference reference, EntryTerms terms, AttachmentPolicy.@Nullable Upload upload,
			boolean demo) {
		ChildAccess.Reached reached = reachLocked(actor, reference);
		CircumstanceHistory history = store.historyOf(reached.child().id());
		Verdict<EntryTerms> verdict = CircumstancePolicy.entry(terms, reached.child(), today(), history.spansBut(0));
		AttachmentPolicy.Accepted file = files.assess(upload, verdict.errors());
		EntryTerms allowed = verdict.orThrow(InvalidCircumstance::new);
		long id = store.insertEntry(reached.child().id(), reached.place(), demo);
		UUID fileId = file == null ? null : files.store(id, file, actor.signedIn().id(), now());
		store.insertEntryVersion(id, 1, CircumstanceHistory.Change.RECORDED, allowed, fileId, null,
				actor.signedIn().id(), now());
		changed(reached.child().id());
		events.publishEvent(new CircumstanceAudit(actor.name(), "CIRCUMSTANCE_RECORDED",
				reached.child().id().toString(), actor.clientAddress(), "entry " + id, now()));
		return id;
	}

	/**
	 * Corrects an entry from the version the user read, for the reason given; it keeps
	 * the evidence file of the version it corrects unless a new one is sent.
	 */
	void correct(Actor actor, ChildReference reference, long entryId, int seen, EntryTerms terms,
			AttachmentPolicy.@Nullable Upload upload, String reason) {
		ChildAccess.Reached reached = reachLocked(actor, reference);
		CircumstanceHistory history = store.historyOf(reached.child().id());
		CircumstanceHistory.Entry entry = entryOf(history, entryId);
		Verdict<EntryTerms> verdict = CircumstancePolicy.entry(terms, reached.child(), today(),
				history.spansBut(entryId));
		AttachmentPolicy.Accepted file = files.assess(upload, verdict.errors());
		EntryTerms allowed = verdict.orThrow(InvalidCircumstance::new);
		UUID fileId = file == null ? kept(entry) : files.store(entryId, file, actor.signedIn().id(), now());
		addEntryVersion(actor, reached, entryId, seen, CircumstanceHistory.Change.CORRECTED, allowed, fileId, reason);
		events.publishEvent(new CircumstanceAudit(actor.name(), "CIRCUMSTANCE_CORRECTED",
				reached.child().id().toString(), actor.clientAddress(), "entry " + entryId + " v" + (seen + 1), now()));
	}

	/** Ends an open entry on the day given. */
	void end(Actor actor, ChildReference reference, long entryId, int seen, @Nullable LocalDate endedOn,
			@Nullable String note) {
		ChildAccess.Reached reached = reachLocked(actor, reference);
		CircumstanceHistory history = store.historyOf(reached.child().id());
		CircumstanceHistory.Entry entry = entryOf(history, entryId);
		EntryTerms allowed = CircumstancePolicy
			.end(entry.current().terms(), endedOn, reached.child(), today(), history.spansBut(entryId))
			.orThrow(InvalidCircumstance::new);
		addEntryVersion(actor, reached, entryId, seen, CircumstanceHistory.Change.ENDED, allowed, kept(entry), note);
		events.publishEvent(new CircumstanceAudit(actor.name(), "CIRCUMSTANCE_ENDED", reached.child().id().toString(),
				actor.clientAddress(), "entry " + entryId + " v" + (seen + 1), now()));
	}

	/** Records a support given to the child, for the commune the user reaches her at. */
	long recordSupport(Actor actor, ChildReference reference, SupportTerms terms, boolean demo) {
		ChildAccess.Reached reached = reachLocked(actor, reference);
		SupportTerms allowed = CircumstancePolicy.support(terms, a -> agencies.find(a).isPresent())
			.orThrow(InvalidCircumstance::new);
		long id = store.insertSupport(reached.child().id(), reached.place(), demo);
		store.insertSupportVersion(id, 1, CircumstanceHistory.Change.RECORDED, allowed, null, actor.signedIn().id(),
				now());
		changed(reached.child().id());
		events.publishEvent(new CircumstanceAudit(actor.name(), "SUPPORT_RECORDED", reached.child().id().toString(),
				actor.clientAddress(), "support " + id, now()));
		return id;
	}

	/** Corrects a support from the version the user read, for the reason given. */
	void correctSupport(Actor actor, ChildReference reference, long supportId, int seen, SupportTerms terms,
			String reason) {
		ChildAccess.Reached reached = reachLocked(actor, reference);
		if (store.historyOf(reached.child().id()).supports().stream().noneMatch(s -> s.id() == supportId)) {
			throw new UnknownChild("support " + supportId);
		}
		SupportTerms allowed = CircumstancePolicy.support(terms, a -> agencies.find(a).isPresent())
			.orThrow(InvalidCircumstance::new);
		if (!store.advance(SUPPORTS, supportId, reached.child().id(), seen)) {
			throw new CircumstanceChangedMeanwhile("Support " + supportId);
		}
		store.insertSupportVersion(supportId, seen + 1, CircumstanceHistory.Change.CORRECTED, allowed, reason,
				actor.signedIn().id(), now());
		changed(reached.child().id());
		events.publishEvent(new CircumstanceAudit(actor.name(), "SUPPORT_CORRECTED", reached.child().id().toString(),
				actor.clientAddress(), "support " + supportId + " v" + (seen + 1), now()));
	}

	private ChildAccess.Reached reachLocked(Actor actor, ChildReference reference) {
		ChildAccess.Reached reached = access.reach(actor, reference, Action.MANAGE_CASES);
		store.lockChild(reached.child().id());
		return reached;
	}

	private void addEntryVersion(Actor actor, ChildAccess.Reached reached, long entryId, int seen,
			CircumstanceHistory.Change change, EntryTerms terms, @Nullable UUID file, @Nullable String reason) {
		if (!store.advance(ENTRIES, entryId, reached.child().id(), seen)) {
			throw new CircumstanceChangedMeanwhile("Entry " + entryId);
		}
		store.insertEntryVersion(entryId, seen + 1, change, terms, file, reason, actor.signedIn().id(), now());
		changed(reached.child().id());
	}

	/** The evidence file of an entry's current version, which a new version keeps. */
	private static @Nullable UUID kept(CircumstanceHistory.Entry entry) {
		CircumstanceHistory.EvidenceFile file = entry.current().file();
		return file == null ? null : file.id();
	}

	private static CircumstanceHistory.Entry entryOf(CircumstanceHistory history, long entryId) {
		return history.entries()
			.stream()
			.filter(e -> e.id() == entryId)
			.findFirst()
			.orElseThrow(() -> new UnknownChild("entry " + entryId));
	}

	private void changed(ChildId child) {
		events.publishEvent(new SpecialCircumstancesChanged(child, now()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
