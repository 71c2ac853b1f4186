package vn.trean.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.children.Child;
import vn.trean.children.ChildId;
import vn.trean.children.ChildRegistry;
import vn.trean.directory.Agency;
import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Time;

/**
 * The sending commune's steps: a referral drafted from a case, sent on a ground in force,
 * withdrawn, or re-sent to another agency after a decline. The agency's steps are
 * {@link ReferralAnswers}.
 */
@Service
@Transactional
public class Referrals {

	/** A reason given for a step. */
	public record Reason(@NotBlank @PlainText(max = 2000) String reason) {
	}

	/** The agency a declined referral is re-sent to. */
	public record Resending(@NotNull(message = "referral.agency.required") Long agency) {
	}

	private final ReferralChanges changes;

	private final ReferralRepository referrals;

	private final CaseReferralFacts cases;

	private final ChildRegistry children;

	private final Directory directory;

	private final Geography geography;

	private final Authorization authorization;

	private final ReferralSettings settings;

	private final SharingGrounds grounds;

	private final ReferralDrafts drafts;

	private final ReferralClocks clocks;

	Referrals(ReferralChanges changes, ReferralRepository referrals, CaseReferralFacts cases, ChildRegistry children,
			Directory directory, Geography geography, Authorization authorization, ReferralSettings settings,
			SharingGrounds grounds, ReferralDrafts drafts, ReferralClocks clocks) {
		this.changes = changes;
		this.referrals = referrals;
		this.cases = cases;
		this.children = children;
		this.directory = directory;
		this.geography = geography;
		this.authorization = authorization;
		this.settings = settings;
		this.grounds = grounds;
		this.drafts = drafts;
		this.clocks = clocks;
	}

	/**
	 * Drafts a referral of one of the case's children: refused unless the officer may
	 * hand the case on, the case is past verification and open, and the agency fits. A
	 * referral to a labelled demo agency is demo data itself.
	 */
	public ReferralId draft(Actor actor, CaseId caseId, DraftForm form) {
		CaseReferralFacts.Facts c = referableCase(actor, caseId, false);
		Agency agency = checkedAgency(actor, c, form);
		Child child = children.find(new ChildId(form.child())).orElseThrow(() -> new UnknownReferral("child"));
		Instant now = changes.now();
		ReferralContent content = drafts.compose(actor, c, child, form, today(now));
		Referral r = Referral.draft(new ReferralId(UUID.randomUUID()), referrals.nextReferenceCode(now),
				address(c, agency, form), null);
		referrals.insert(r, content, ReferralChanges.doer(actor), now, agency.demo());
		changes.stored(actor, r, ReferralStep.EDIT_DRAFT, null, now);
		return r.id();
	}

	/**
	 * Sends the draft: the case is locked against closing meanwhile, must still be open,
	 * and a consent or legal basis for the child and purpose must be in force today.
	 */
	public void send(Actor actor, ReferralId id, int version) {
		Referral loaded = changes.load(id);
		changes.require(actor, ReferralStep.SEND, loaded);
		CaseReferralFacts.Facts c = cases.lockForReferral(loaded.address().caseId());
		if (!c.referable()) {
			throw new ReferralRuleBroken("referral.case.not-referable", c.status());
		}
		Referral.Address a = loaded.address();
		if (!a.services().stream().allMatch(s -> settings.catalogue().offers(a.sector(), s))) {
			throw new ReferralRuleBroken("referral.services.wrong-sector", a.sector());
		}
		Instant now = changes.now();
		Ground ground = grounds.inForce(a.caseId(), a.child(), a.purpose(), today(now))
			.orElseThrow(() -> new ReferralRuleBroken("referral.send.no-ground", a.purpose()));
		changes.change(actor, id, version, ReferralStep.SEND, null,
				r -> r.send(ground.consentId(), ground.basisId(), now, clocks.onSending(a.services(), now)));
	}

	public void withdraw(Actor actor, ReferralId id, int version, Reason reason) {
		String text = ReferralChanges.clean(reason.reason());
		changes.change(actor, id, version, ReferralStep.WITHDRAW, text, r -> r.withdraw(text));
	}

	/**
	 * Re-sends a declined referral to another agency, as a new draft with the same
	 * services and content: not to an agency that already declined it.
	 */
	public ReferralId resend(Actor actor, ReferralId id, int version, Resending to) {
		Referral declined = changes.load(id);
		changes.require(actor, ReferralStep.RESEND, declined);
		if (declined.version() != version) {
			throw new ReferralEditedConcurrently(id);
		}
		Referral.Address a = declined.address();
		CaseReferralFacts.Facts c = referableCase(actor, a.caseId(), true);
		DraftForm form = new DraftForm(a.child().value(), to.agency(), a.services(), a.purpose(), a.purposeNote(), "-",
				null, null, null, null, null, null, null, false);
		Agency agency = checkedAgency(actor, c, form);
		if (referrals.declinedBy(id).contains(agency.id())) {
			throw new InvalidReferralInput(new FormErrors().reject("agency", "referral.resend.declined-agency"));
		}
		Instant now = changes.now();
		Referral r = Referral.draft(new ReferralId(UUID.randomUUID()), referrals.nextReferenceCode(now),
				address(c, agency, form), id);
		referrals.insert(r, referrals.contentOf(id), ReferralChanges.doer(actor), now, agency.demo());
		changes.stored(actor, r, ReferralStep.RESEND, null, now);
		return r.id();
	}

	private CaseReferralFacts.Facts referableCase(Actor actor, CaseId caseId, boolean checked) {
		CaseReferralFacts.Facts c = cases.find(caseId).orElseThrow(() -> new UnknownReferral("case " + caseId));
		if (!checked) {
			authorization.require(actor.signedIn(), Action.HANDLE_REFERRALS, ResourceScope.at(c.unit()));
		}
		if (!c.referable()) {
			throw new ReferralRuleBroken("referral.case.not-referable", c.status());
		}
		return c;
	}

	private Agency checkedAgency(Actor actor, CaseReferralFacts.Facts c, DraftForm form) {
		Optional<Agency> agency = form.agency() == null ? Optional.empty()
				: directory.agency(new AgencyId(form.agency()));
		CurrentUser user = actor.signedIn();
		boolean mayShareReporter = authorization.decide(user, Action.VIEW_REPORTER_IDENTITY, ResourceScope.at(c.unit()))
			.allowed();
		AgencyPolicy.Facts facts = new AgencyPolicy.Facts(c, geography.provinceOf(c.unit()), agency,
				agency.map(a -> geography.provinceOf(a.unit())).orElse(null), settings.catalogue(),
				settings.fieldSets(), mayShareReporter);
		InvalidReferralInput.check(AgencyPolicy.check(form, facts));
		return agency.orElseThrow();
	}

	private Referral.Address address(CaseReferralFacts.Facts c, Agency agency, DraftForm form) {
		SharingPurpose fallback = settings.catalogue().of(form.services().iterator().next()).purpose();
		return new Referral.Address(c.id(), new ChildId(form.child()), c.unit(), agency.id(), agency.unit(),
				agency.sector(), form.purposeOr(fallback), ReferralChanges.clean(form.purposeNote()), form.services());
	}

	static LocalDate today(Instant now) {
		return now.atZone(Time.ZONE).toLocalDate();
	}

}
