package vn.trean.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Requires;

/** The receiving point's pages: record a report (Mẫu 01), open it, the inboxes. */
@Controller
class IntakeController {

	static final int INBOX_SIZE = 100;

	private final Intake intake;

	private final Geography geography;

	private final Authorization authorization;

	private final IntakeSettings settings;

	private final Clock clock;

	private final ChildLinking linking;

	IntakeController(Intake intake, ChildLinking linking, Geography geography, Authorization authorization,
			IntakeSettings settings, Clock clock) {
		this.intake = intake;
		this.linking = linking;
		this.geography = geography;
		this.authorization = authorization;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/intake/reports/new")
	String newReport(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		Channel channel = me.has(Role.HOTLINE_OPERATOR) ? Channel.CITY_LINE_18008065 : Channel.PHONE_TO_COMMUNE;
		return form(me, model, ReportDraft.blank(channel), new FormErrors());
	}

	@Requires(Action.RECORD_REPORT)
	@PostMapping("/intake/reports")
	String record(CurrentUser me, ReportDraft draft, BindingResult unconvertible,
			@RequestParam(defaultValue = "save") String step, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		if ("add-child".equals(step) && draft.childList().size() < settings.maxChildren()) {
			List<ReportDraft.ChildEntry> more = new ArrayList<>(draft.childList());
			more.add(ReportDraft.ChildEntry.blank());
			return form(me, model, withChildren(draft, more), new FormErrors());
		}
		FormErrors errors = intake.check(draft);
		unconvertible.getFieldErrors().forEach(e -> errors.reject(e.getField(), "validation.invalid"));
		// a child who may be registered already is linked or confirmed new by a person,
		// never by default: a new child with likely matches and no choice comes back
		Map<Integer, List<ChildLinking.ShownMatch>> shown = new java.util.TreeMap<>();
		List<ReportDraft.ChildEntry> entries = draft.childList();
		boolean tooMany = false;
		for (int i = 0; i < entries.size() && !tooMany; i++) {
			if (!entries.get(i).chosen()) {
				try {
					List<ChildLinking.ShownMatch> matches = linking.shownTo(me, entries.get(i).details(),
							request.getRemoteAddr());
					if (!matches.isEmpty()) {
						shown.put(i, matches);
						errors.reject("children[" + i + "].linkTo", "report.child.choose");
					}
				}
				catch (ChildLinking.TooManyLookups ex) {
					errors.reject("children[" + i + "].linkTo", "report.matches.too-many");
					tooMany = true;
				}
			}
		}
		if (!errors.hasErrors()) {
			try {
				ReportReceipt receipt = intake.record(me, draft);
				redirect.addFlashAttribute("message", "report.recorded");
				redirect.addFlashAttribute("receipt", receipt);
				return "redirect:/intake/reports/" + receipt.id();
			}
			catch (InvalidReport ex) {
				ex.errors().asMap().forEach(errors::reject);
			}
		}
		// the form comes back: a child confirmed new shows its matches too, so that one
		// refused for a registered number can be linked
		// a child whose link was refused shows her matches again too
		for (int i = 0; i < entries.size() && !tooMany; i++) {
			if (entries.get(i).chosen() && !shown.containsKey(i)
					&& (entries.get(i).link() == null || errors.has("children[" + i + "].linkTo"))) {
				try {
					List<ChildLinking.ShownMatch> matches = linking.shownTo(me, entries.get(i).details(),
							request.getRemoteAddr());
					if (!matches.isEmpty()) {
						shown.put(i, matches);
					}
				}
				catch (ChildLinking.TooManyLookups ex) {
					errors.reject("children[" + i + "].linkTo", "report.matches.too-many");
					tooMany = true;
				}
			}
		}
		model.addAttribute("matchesByIndex", shown);
		response.setStatus(tooMany ? 429 : 422);
		return form(me, model, draft, errors);
	}

	@Requires(Action.RECORD_REPORT)
	@PostMapping("/intake/children/matches")
	String matches(CurrentUser me, ReportDraft draft, BindingResult unconvertible, @RequestParam int index,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		authorization.requireSomewhere(me, Action.RECORD_REPORT);
		authorization.requireSomewhere(me, Action.VIEW_CHILD_RECORDS);
		List<ChildLinking.ShownMatch> matches = List.of();
		if (index >= 0 && index < draft.childList().size()) {
			ReportDraft.ChildEntry entry = draft.childList().get(index);
			try {
				matches = linking.shownTo(me, entry.details(), request.getRemoteAddr());
			}
			catch (ChildLinking.TooManyLookups ex) {
				response.setStatus(429);
				model.addAttribute("tooMany", true);
			}
			model.addAttribute("linkTo", entry.linkTo());
		}
		model.addAttribute("index", index);
		model.addAttribute("matches", matches);
		model.addAttribute("unitNames", unitNames(me));
		return "intake/partials/matches";
	}

	@GetMapping("/intake/reports/{id}")
	String show(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		ReportView view = intake.open(me, new ReportId(id), request.getRemoteAddr());
		model.addAttribute("report", view.report());
		model.addAttribute("reporterVisible", view.reporterVisible());
		model.addAttribute("inCase", intake.inCase(new ReportId(id)));
		model.addAttribute("routedTo", geography.get(view.report().routedTo()));
		model.addAttribute("place", view.report().place() == null ? null : geography.get(view.report().place()));
		model.addAttribute("unitNames", unitNames(me));
		model.addAttribute("now", clock.instant());
		return "intake/report";
	}

	@Requires(Action.MANAGE_CASES)
	@PostMapping("/intake/reports/{id}/take-up")
	String takeUp(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
		boolean now = intake.takeUp(me, new ReportId(id), request.getRemoteAddr());
		redirect.addFlashAttribute("message", now ? "report.taken-up" : "report.taken-up-already");
		return "redirect:/intake/reports/" + id;
	}

	@GetMapping("/intake/inbox")
	String inbox(CurrentUser me, Model model) {
		return list(me, model, intake.inbox(me, INBOX_SIZE), intake.unread(me), "inbox");
	}

	@GetMapping("/intake/recorded")
	String recorded(CurrentUser me, Model model) {
		return list(me, model, intake.recordedBy(me, INBOX_SIZE), java.util.Set.of(), "recorded");
	}

	/** The inbox and the recorder's list share one page: the keys name its texts. */
	private String list(CurrentUser me, Model model, List<InboxItem> items, java.util.Set<UUID> unread, String kind) {
		model.addAttribute("items", items);
		model.addAttribute("unread", unread);
		model.addAttribute("unitNames", unitNames(me));
		model.addAttribute("now", clock.instant());
		model.addAttribute("titleKey", kind + ".title");
		model.addAttribute("captionKey", kind + ".caption");
		model.addAttribute("emptyKey", kind + ".empty");
		model.addAttribute("listPath", "/intake/" + kind);
		return "intake/reports-list";
	}

	private String form(CurrentUser me, Model model, ReportDraft draft, FormErrors errors) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		List<AdministrativeUnit> places = new ArrayList<>(geography.currentUnitsWithin(province));
		geography.provinces(geography.today()).stream().filter(p -> !p.id().equals(province)).forEach(places::add);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
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
