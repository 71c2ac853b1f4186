package vn.trean.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseAttachments;
import vn.trean.cases.CaseId;
import vn.trean.cases.NoteVisibility;
import vn.trean.children.Child;
import vn.trean.children.ChildId;
import vn.trean.identity.Actor;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * The grounds on which a case's information about a child is shared for a purpose
 * (docs/domain.md §4): a consent ({@link ConsentPolicy}), recorded once per case, child
 * and purpose and withdrawable, or a legal basis for sharing without consent
 * ({@link LegalBasisPolicy}), until ended. Each step is taken by a user who may handle
 * the case's referrals, puts an entry on the case's timeline and an audit entry in its
 * transaction; nothing is saved when refused.
 */
@Service
@Transactional
public class SharingGrounds {

	private final GroundsCase cases;

	private final ConsentRecords consents;

	private final BasisRecords bases;

	private final CaseAttachments attachments;

	private final GroundsTimeline timeline;

	private final Clock clock;

	SharingGrounds(GroundsCase cases, ConsentRecords consents, BasisRecords bases, CaseAttachments attachments,
			GroundsTimeline timeline, Clock clock) {
		this.cases = cases;
		this.consents = consents;
		this.bases = bases;
		this.attachments = attachments;
		this.timeline = timeline;
		this.clock = clock;
	}

	/**
	 * The ground in force for sharing this child's information in this case for this
	 * purpose on the day, if any: a consent not withdrawn (a carer-only consent stops
	 * counting once the child is 7 on that day), or else a legal basis not ended.
	 */
	@Transactional(readOnly = true)
	public Optional<Ground> inForce(CaseId caseId, ChildId child, SharingPurpose purpose, LocalDate day) {
		Optional<ConsentRecords.Current> consent = consents.current(caseId, child, purpose);
		if (consent.isPresent() && counts(consent.get(), cases.child(child), day)) {
			return Optional.of(Ground.consent(consent.get().id()));
		}
		return bases.inForce(caseId, child, purpose).map(b -> Ground.basis(b.id(), b.basis()));
	}

	private static boolean counts(ConsentRecords.Current consent, Child child, LocalDate day) {
		return ConsentPolicy.counts(consent.childGave(), child, LocalDate.ofInstant(consent.recordedAt(), Time.ZONE),
				consent.childAgeOnDay(), day);
	}

	/**
	 * Records a consent; the signed form of a consent given in writing is attached to the
	 * case (which must still be at {@code caseVersion}). Refused with field errors, with
	 * {@code consent.already-in-force} (409) when one is in force for the case, child and
	 * purpose, and with {@code grounds.case-closed} on a closed case.
	 */
	public long recordConsent(Actor actor, CaseId caseId, ConsentDraft draft,
			AttachmentPolicy.@Nullable Upload signedForm, int caseVersion) {
		GroundsCase.Target target = cases.writable(actor, caseId, draft.child());
		Instant now = clock.instant();
		ConsentDraft checked = draft.withSignedForm(signedForm != null);
		Verdict<Integer> verdict = ConsentPolicy.check(checked, target.child(), LocalDate.ofInstant(now, Time.ZONE));
		Verdict<Void> timing = ConsentPolicy.timing(checked, target.facts().openedAt(), now);
		FormErrors errors = merged(verdict.errors(), timing.errors());
		if (errors.hasErrors()) {
			throw new InvalidGround(errors);
		}
		if (consents.inForce(caseId, draft.child(), draft.purpose())) {
			throw new GroundRuleBroken("consent.already-in-force");
		}
		boolean written = checked.givers().stream().anyMatch(g -> g.method() == ConsentDraft.Method.WRITTEN);
		UUID form = written
				? attachments.attach(actor, caseId, caseVersion, signedForm, NoteVisibility.CASE_TEAM).value() : null;
		long id;
		try {
			id = consents.insert(caseId, target.facts().unit(), checked, verdict.value(), actor.signedIn().id(), now,
					form);
		}
		catch (DuplicateKeyException raced) {
			throw new GroundRuleBroken("consent.already-in-force");
		}
		timeline.consentRecorded(actor, caseId, id, checked);
		return id;
	}

	/**
	 * Withdraws a consent (also on a closed case: a withdrawal is the child's or carer's
	 * right); refused with {@code consent.already-withdrawn} when it was.
	 */
	public void withdrawConsent(Actor actor, long consentId, Withdrawal w) {
		ConsentRecords.Key consent = consents.key(consentId)
			.orElseThrow(() -> new UnknownGround("No consent " + consentId));
		cases.permitted(actor, consent.caseId());
		FormErrors errors = new FormErrors();
		if (w.by() == null) {
			errors.reject("withdrawnBy", "validation.required");
		}
		errors.checkText("withdrawalNote", w.note(), true, 2000);
		if (errors.hasErrors()) {
			throw new InvalidGround(errors);
		}
		if (consent.withdrawn() || !consents.withdraw(consentId, w, actor.signedIn().id(), clock.instant())) {
			throw new GroundRuleBroken("consent.already-withdrawn");
		}
		timeline.consentWithdrawn(actor, consent, w, consents.openReferralsOn(consentId));
	}

	/** Records a legal basis for sharing without consent. */
	public long recordBasis(Actor actor, CaseId caseId, BasisDraft draft) {
		GroundsCase.Target target = cases.writable(actor, caseId, draft.child());
		LegalBasisPolicy.check(draft).orThrow(InvalidGround::new);
		long id = bases.insert(caseId, target.facts().unit(), draft, actor.signedIn().id(), clock.instant());
		timeline.basisRecorded(actor, caseId, id, draft);
		return id;
	}

	/** Ends a legal basis, with a note; refused with {@code basis.already-ended}. */
	public void endBasis(Actor actor, long basisId, String note) {
		BasisRecords.Key basis = bases.key(basisId).orElseThrow(() -> new UnknownGround("No basis " + basisId));
		cases.permitted(actor, basis.caseId());
		FormErrors errors = new FormErrors().checkText("endNote", note, true, 2000);
		if (errors.hasErrors()) {
			throw new InvalidGround(errors);
		}
		if (basis.ended() || !bases.end(basisId, note, actor.signedIn().id(), clock.instant())) {
			throw new GroundRuleBroken("basis.already-ended");
		}
		timeline.basisEnded(actor, basis, note);
	}

	/**
	 * The case's consents and legal bases, newest first, each with its state today; a
	 * withdrawn consent with what was shared on it.
	 */
	@Transactional(readOnly = true)
	public List<GroundView> of(Actor actor, CaseId caseId) {
		cases.permitted(actor, caseId);
		Map<ChildId, Child> known = new HashMap<>();
		LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
		List<GroundView> all = new ArrayList<>();
		for (GroundView consent : consents.of(caseId, id -> known.computeIfAbsent(id, cases::child).fullName())) {
			all.add(stateOf(consent, known.get(consent.child()), today));
		}
		all.addAll(bases.of(caseId, id -> known.computeIfAbsent(id, cases::child).fullName()));
		return all;
	}

	private GroundView stateOf(GroundView consent, Child child, LocalDate today) {
		if (consent.state() == GroundView.State.WITHDRAWN) {
			return consent.withDisclosures(consents.disclosures(consent.id()));
		}
		boolean counts = ConsentPolicy.counts(consent.consent().childGave(), child,
				LocalDate.ofInstant(consent.recordedAt(), Time.ZONE), consent.consent().childAgeOnDay(), today);
		return counts ? consent : consent.withState(GroundView.State.LAPSED);
	}

	private static FormErrors merged(FormErrors first, FormErrors second) {
		FormErrors errors = new FormErrors();
		first.asMap().forEach(errors::reject);
		second.asMap().forEach(errors::reject);
		return errors;
	}

}
