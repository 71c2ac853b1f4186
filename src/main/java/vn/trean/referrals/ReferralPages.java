package vn.trean.referrals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.children.ChildRegistry;
import vn.trean.directory.Agency;
import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;

/**
 * What the referral pages offer besides the share: the choices of the draft form, the
 * steps the user may take now, and whether a ground is in force for a draft.
 */
@Service
@Transactional(readOnly = true)
public class ReferralPages {

	/** The choices of a new referral of the case. */
	public record DraftChoices(CaseReferralFacts.Facts caseFacts, Map<Long, String> children, List<Agency> agencies,
			Map<Long, List<ReferralService>> servicesByAgency, List<ReferralService> services,
			boolean mayShareReporter) {
	}

	private final CaseReferralFacts cases;

	private final ChildRegistry children;

	private final Directory directory;

	private final Geography geography;

	private final Authorization authorization;

	private final ReferralSettings settings;

	private final ReferralChanges changes;

	private final SharingGrounds grounds;

	private final ReferralRepository referrals;

	ReferralPages(CaseReferralFacts cases, ChildRegistry children, Directory directory, Geography geography,
			Authorization authorization, ReferralSettings settings, ReferralChanges changes, SharingGrounds grounds,
			ReferralRepository referrals) {
		this.referrals = referrals;
		this.cases = cases;
		this.children = children;
		this.directory = directory;
		this.geography = geography;
		this.authorization = authorization;
		this.settings = settings;
		this.changes = changes;
		this.grounds = grounds;
	}

	/**
	 * The draft form's choices: the case's children, the agencies of the case's province
	 * that offer any service, and what each offers.
	 */
	public DraftChoices draftChoices(Actor actor, CaseId caseId) {
		CaseReferralFacts.Facts c = cases.find(caseId).orElseThrow(() -> new UnknownReferral("case " + caseId));
		CurrentUser user = actor.signedIn();
		authorization.require(user, Action.HANDLE_REFERRALS, ResourceScope.at(c.unit()));
		Map<Long, String> names = new LinkedHashMap<>();
		c.children().forEach(id -> children.find(id).ifPresent(ch -> names.put(id.value(), ch.fullName())));
		Catalogue catalogue = settings.catalogue();
		Map<Long, List<ReferralService>> offered = new LinkedHashMap<>();
		List<Agency> agencies = directory.agenciesIn(geography.unitsWithin(geography.provinceOf(c.unit())))
			.stream()
			.filter(a -> !catalogue.offeredBy(a.sector()).isEmpty())
			.toList();
		agencies.forEach(a -> offered.put(a.id().value(), catalogue.offeredBy(a.sector())));
		boolean reporter = authorization.decide(user, Action.VIEW_REPORTER_IDENTITY, ResourceScope.at(c.unit()))
			.allowed();
		return new DraftChoices(c, names, agencies, offered,
				catalogue.services().values().stream().filter(ServiceRule::active).map(ServiceRule::service).toList(),
				reporter);
	}

	/** The steps the user may take on the referral now. */
	public Set<ReferralStep> steps(Actor actor, ReferralId id) {
		Referral r = changes.load(id);
		CurrentUser user = actor.signedIn();
		Set<ReferralStep> steps = EnumSet.noneOf(ReferralStep.class);
		for (ReferralStep step : ReferralStep.values()) {
			if (step.decide(authorization, user, r).allowed()) {
				steps.add(step);
			}
		}
		if (!r.address().services().contains(ReferralService.CRIME_INVESTIGATION)) {
			steps.remove(ReferralStep.RECORD_FORWARDING);
		}
		if (OutcomeKind.of(r.address().sector()) != OutcomeKind.POLICE) {
			steps.remove(ReferralStep.RECORD_INTERVIEW);
		}
		return steps;
	}

	/**
	 * The agencies a declined referral may be re-sent to: in the case's province,
	 * offering every service asked for, and not one that declined it.
	 */
	public List<Agency> resendAgencies(ReferralId id) {
		Referral r = changes.load(id);
		Catalogue catalogue = settings.catalogue();
		Set<vn.trean.shared.AgencyId> declined = referrals.declinedBy(id);
		return directory.agenciesIn(geography.unitsWithin(geography.provinceOf(r.address().unit())))
			.stream()
			.filter(a -> !declined.contains(a.id()))
			.filter(a -> r.address().services().stream().allMatch(s -> catalogue.offers(a.sector(), s)))
			.toList();
	}

	/**
	 * Whether a consent or legal basis is in force today for the draft's child and
	 * purpose.
	 */
	public boolean groundInForce(ReferralId id) {
		Referral.Address a = changes.load(id).address();
		return grounds.inForce(a.caseId(), a.child(), a.purpose(), Referrals.today(changes.now())).isPresent();
	}

}
