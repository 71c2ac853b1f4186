package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.trean.children.ChildRegistry;
import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.intake.Intake;
import vn.trean.shared.Time;

/**
 * What the case page shows of a case for its reader: the file (commune, children,
 * officer, agenda, reports, the facts a decision rests on, the referrals), and the
 * choices of the forms the reader is offered, and only those. The page's handlers are
 * {@link CaseController}.
 */
@Component
class CasePage {

	private final CaseManagement cases;

	private final ChildRegistry children;

	private final Geography geography;

	private final Directory directory;

	private final CaseDecisionFacts facts;

	private final Intake intake;

	private final ReferralsOnCase referrals;

	private final Clock clock;

	CasePage(CaseManagement cases, ChildRegistry children, Geography geography, Directory directory,
			CaseDecisionFacts facts, Intake intake, ReferralsOnCase referrals, Clock clock) {
		this.cases = cases;
		this.children = children;
		this.geography = geography;
		this.directory = directory;
		this.facts = facts;
		this.intake = intake;
		this.referrals = referrals;
		this.clock = clock;
	}

	void describe(Actor actor, CaseView view, Model model) {
		ProtectionCase c = view.protectionCase();
		model.addAttribute("view", view);
		model.addAttribute("c", c);
		model.addAttribute("unit", geography.get(c.unit()));
		model.addAttribute("transferTo", c.transferTo() == null ? null : geography.get(c.transferTo()));
		model.addAttribute("childList",
				view.children().stream().map(children::find).flatMap(Optional::stream).toList());
		model.addAttribute("officerName", cases.nameOf(c.assignedOfficer()).orElse(null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("today", LocalDate.now(clock.withZone(Time.ZONE)));
		CaseAgenda agenda = CaseAgenda.of(view);
		model.addAttribute("agenda", agenda);
		model.addAttribute("reportCodes", intake.referenceCodes(view.reports()));
		if (agenda.decides(view)) {
			model.addAttribute("facts", facts.of(view));
		}
		model.addAttribute("referrals", referrals.section(actor.signedIn(), c));
		offer(actor, view, model);
	}

	/** The choices of the forms the user is offered, and only those. */
	private void offer(Actor actor, CaseView view, Model model) {
		ProtectionCase c = view.protectionCase();
		model.addAttribute("officers", view.can(CaseStep.ASSIGN) ? cases.officersOf(c.unit()) : List.of());
		model.addAttribute("communes", view.can(CaseStep.REQUEST_TRANSFER)
				? geography.currentUnitsWithin(geography.provinceOf(c.unit())) : List.of());
		model.addAttribute("providers",
				view.can(CaseStep.RECORD_SERVICE) ? directory.search(actor.signedIn(), null, null) : List.of());
		model.addAttribute("measures", SupportMeasure.values());
		model.addAttribute("visibilities", view.visibility());
		model.addAttribute("openReferrals", view.can(CaseStep.CLOSE) ? referrals.open(c.id()) : List.of());
	}

}
