package vn.trean.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.children.Sex;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;
import vn.trean.identity.Role;
import vn.trean.shared.FormErrors;
import vn.trean.shared.ShownAgainAt;

/**
 * The receiving point's pages: record a report (Mẫu 01) and open it; the lists of reports
 * are {@link ReportListController}'s.
 */
@Controller
class IntakeController {

	/** The request attribute the matches looked up while saving are handed on in. */
	private static final String SHOWN = IntakeController.class.getName() + ".shown";

	private final Intake intake;

	private final Geography geography;

	private final Authorization authorization;

	private final IntakeSettings settings;

	private final Clock clock;

	private final ChildLinking linking;

	private final Validator validator;

	private final MoreInformation moreInformation;

	IntakeController(Intake intake, ChildLinking linking, Geography geography, Authorization authorization,
			IntakeSettings settings, Clock clock, Validator validator, MoreInformation moreInformation) {
		this.intake = intake;
		this.moreInformation = moreInformation;
		this.validator = validator;
		this.linking = linking;
		this.geography = geography;
		this.authorization = authorization;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/intake/reports/new")
	String newReport(Actor actor, Model model, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		if (model.getAttribute("submitted") instanceof ReportDraft refused
				&& model.getAttribute("errors") instanceof FormErrors errors) {
			// a refused report comes back with the matches its children may be linked to
			Map<Integer, List<ChildLinking.ShownMatch>> shown = request.getAttribute(SHOWN) instanceof Map<?, ?> chosen
					? cast(chosen) : new TreeMap<>();
			if (!linking.showAgain(actor, refused, errors, shown)) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			model.addAttribute("matchesByIndex", shown);
			return form(me, model, refused);
		}
		Channel channel = me.has(Role.HOTLINE_OPERATOR) ? Channel.CITY_LINE_18008065 : Channel.PHONE_TO_COMMUNE;
		return form(me, model, ReportDraft.blank(channel));
	}

	/** One more blank child on the form; nothing is checked yet. */
	@Requires(Action.RECORD_REPORT)
	@PostMapping(path = "/intake/reports", params = "step=add-child")
	String addChild(Actor actor, ReportDraft draft, BindingResult unconvertible, Model model) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		List<ReportDraft.ChildEntry> more = new ArrayList<>(draft.childList());
		if (more.size() < settings.maxChildren()) {
			more.add(ReportDraft.ChildEntry.blank());
		}
		return form(me, model, withChildren(draft, more));
	}

	/**
	 * Records the report. A child who may be registered already is linked or confirmed
	 * new by a person, never by default: a new child with likely matches and no choice
	 * makes the report come back with the matches (the lookups are counted, so the ones
	 * made here are handed to the page shown again).
	 */
	@Requires(Action.RECORD_REPORT)
	@PostMapping("/intake/reports")
	@ShownAgainAt("/intake/reports/new")
	String record(Actor actor, @Valid ReportDraft draft, BindingResult binding, HttpServletRequest request,
			RedirectAttributes redirect) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		Map<Integer, List<ChildLinking.ShownMatch>> shown = new TreeMap<>();
		FormErrors toChoose = linking.toChoose(actor, draft, shown);
		request.setAttribute(SHOWN, shown);
		ReportReceipt receipt = intake.record(me, BoundReport.of(draft, binding, validator).refusing(toChoose));
		redirect.addFlashAttribute("message", "report.recorded");
		redirect.addFlashAttribute("receipt", receipt);
		return "redirect:/intake/reports/" + receipt.id();
	}

	@SuppressWarnings("unchecked")
	private static Map<Integer, List<ChildLinking.ShownMatch>> cast(Map<?, ?> shown) {
		return (Map<Integer, List<ChildLinking.ShownMatch>>) shown;
	}

	@Requires(Action.RECORD_REPORT)
	@PostMapping("/intake/children/matches")
	String matches(Actor actor, ReportDraft draft, BindingResult unconvertible, @RequestParam int index,
			HttpServletResponse response, Model model) {
		CurrentUser me = actor.signedIn();
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		authorization.requireSomewhere(me, Action.VIEW_CHILD_RECORDS);
		List<ChildLinking.ShownMatch> matches = List.of();
		if (index >= 0 && index < draft.childList().size()) {
			ReportDraft.ChildEntry entry = draft.childList().get(index);
			Optional<List<ChildLinking.ShownMatch>> found = linking.lookUp(actor, entry.details());
			if (found.isEmpty()) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("tooMany", true);
			}
			matches = found.orElse(List.of());
			model.addAttribute("linkTo", entry.linkTo());
		}
		model.addAttribute("index", index);
		model.addAttribute("matches", matches);
		model.addAttribute("unitNames", unitNames(me));
		return "intake/partials/matches";
	}

	@GetMapping("/intake/reports/{id}")
	String show(Actor actor, @PathVariable ReportId id, Model model) {
		CurrentUser me = actor.signedIn();
		ReportView view = intake.open(actor, id);
		model.addAttribute("report", view.report());
		model.addAttribute("reporterVisible", view.reporterVisible());
		model.addAttribute("inCase", intake.inCase(id));
		model.addAttribute("caseLink", intake.caseOf(id).orElse(null));
		model.addAttribute("routedTo", geography.get(view.report().routedTo()));
		model.addAttribute("place", view.report().place() == null ? null : geography.get(view.report().place()));
		model.addAttribute("unitNames", unitNames(me));
		model.addAttribute("now", clock.instant());
		model.addAttribute("information", moreInformation.onPage(me, view.report()));
		MoreInformationController.showAgain(model);
		return "intake/report";
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping("/intake/reports/{id}/take-up")
	String takeUp(Actor actor, @PathVariable ReportId id, RedirectAttributes redirect) {
		boolean now = intake.takeUp(actor, id);
		redirect.addFlashAttribute("message", now ? "report.taken-up" : "report.taken-up-already");
		return "redirect:/intake/reports/" + id;
	}

	private String form(CurrentUser me, Model model, ReportDraft draft) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		List<AdministrativeUnit> places = new ArrayList<>(geography.currentUnitsWithin(province));
		geography.provinces(geography.today()).stream().filter(p -> !p.id().equals(province)).forEach(places::add);
		model.addAttribute("draft", draft);
		model.addAttribute("places", places);
		model.addAttribute("communes", geography.currentUnitsWithin(province));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("harms", HarmForm.values());
		model.addAttribute("contactTypes", ContactType.values());
		model.addAttribute("settings", Setting.values());
		model.addAttribute("relations", Relation.values());
		model.addAttribute("dangers", DangerSign.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("maxChildren", settings.maxChildren());
		model.addAttribute("unitNames", unitNames(me));
		if (!model.containsAttribute("matchesByIndex")) {
			model.addAttribute("matchesByIndex", Map.of());
		}
		return "intake/report-form";
	}

	private Map<UnitId, String> unitNames(CurrentUser me) {
		return geography.currentNamesAround(me.jurisdiction());
	}

	private static ReportDraft withChildren(ReportDraft d, List<ReportDraft.ChildEntry> entries) {
		return new ReportDraft(d.channel(), d.reporterAnonymous(), d.reporterName(), d.reporterPhone(),
				d.reporterRelation(), d.reporterWantsFeedback(), entries, d.contactType(), d.harmForms(), d.setting(),
				d.perpetratorRelation(), d.perpetratorLivesWithChild(), d.perpetratorCanReachChild(), d.placeUnit(),
				d.account(), d.dangerSigns());
	}

}
