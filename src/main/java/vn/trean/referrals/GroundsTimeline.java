package vn.trean.referrals;

import java.time.Clock;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseEntries;
import vn.trean.cases.CaseId;
import vn.trean.cases.NoteVisibility;
import vn.trean.identity.Actor;
import vn.trean.shared.WebShell;

/**
 * What a sharing ground's step leaves behind in its transaction: an entry on the case's
 * timeline (worded in Vietnamese, the language of the case file) and an audit entry with
 * ids and codes only.
 */
@Component
class GroundsTimeline {

	private final CaseEntries entries;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	GroundsTimeline(CaseEntries entries, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
		this.entries = entries;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	void consentRecorded(Actor actor, CaseId caseId, long id, ConsentDraft draft) {
		String givers = draft.givers()
			.stream()
			.map(g -> g.name().strip() + " (" + vietnamese("consent.role." + g.role()) + ")")
			.collect(Collectors.joining(", "));
		entry(actor, caseId, "CONSENT_RECORDED",
				vietnamese("grounds.entry.consent", vietnamese(draft.purpose().key()), givers), "consent:" + id);
		events.publishEvent(new GroundsAudit(actor.name(), "CONSENT_RECORDED", caseId.toString(), actor.clientAddress(),
				"consent " + id + " " + draft.purpose(), clock.instant()));
	}

	void consentWithdrawn(Actor actor, ConsentRecords.Key consent, Withdrawal withdrawal, long openReferrals) {
		entry(actor, consent.caseId(), "CONSENT_WITHDRAWN",
				vietnamese("grounds.entry.withdrawn", vietnamese(consent.purpose().key()),
						vietnamese("consent.withdrawn-by." + withdrawal.by()), openReferrals,
						withdrawal.note().strip()),
				"consent:" + consent.id());
		events.publishEvent(
				new GroundsAudit(actor.name(), "CONSENT_WITHDRAWN", consent.caseId().toString(), actor.clientAddress(),
						"consent " + consent.id() + " open referrals " + openReferrals, clock.instant()));
		events.publishEvent(new ConsentWithdrawn(consent.id(), consent.caseId(), consent.child(), consent.purpose()));
	}

	void basisRecorded(Actor actor, CaseId caseId, long id, BasisDraft draft) {
		entry(actor, caseId, "LEGAL_BASIS_RECORDED", vietnamese("grounds.entry.basis",
				vietnamese(draft.purpose().key()), vietnamese(draft.basis().key()), draft.note().strip()),
				"basis:" + id);
		events.publishEvent(new GroundsAudit(actor.name(), "LEGAL_BASIS_RECORDED", caseId.toString(),
				actor.clientAddress(), "basis " + id + " " + draft.basis() + " " + draft.purpose(), clock.instant()));
	}

	void basisEnded(Actor actor, BasisRecords.Key basis, String note) {
		entry(actor, basis.caseId(), "LEGAL_BASIS_ENDED", vietnamese("grounds.entry.basis-ended",
				vietnamese(basis.purpose().key()), vietnamese(basis.basis().key()), note.strip()),
				"basis:" + basis.id());
		events.publishEvent(new GroundsAudit(actor.name(), "LEGAL_BASIS_ENDED", basis.caseId().toString(),
				actor.clientAddress(), "basis " + basis.id(), clock.instant()));
	}

	/**
	 * Everyone who reads the case sees the entry: the province's managers handle its
	 * referrals too.
	 */
	private void entry(Actor actor, CaseId caseId, String kind, String text, @Nullable String ref) {
		entries.record(actor, caseId, kind, NoteVisibility.CASE_TEAM, text, ref);
	}

	private String vietnamese(String key, Object... arguments) {
		return messages.getMessage(key, arguments, WebShell.VIETNAMESE);
	}

}
