package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
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

import vn.trean.children.ChildRegistry;
import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.intake.ReportId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;
import vn.trean.shared.Time;
import vn.trean.identity.Requires;

/**
 * The case pages: the lists (my cases by next deadline, open in my jurisdiction,
 * overdue), the case file with its timeline and the steps the user may take, the official
 * forms, break-glass and the deadline settings.
 */
@Controller
class CaseController {

	private final CaseManagement cases;

	private final DeadlineSettings deadlineSettings;

	private final CaseAlerts alerts;

	private final ChildRegistry children;

	private final Geography geography;

	private final Directory directory;

	private final Authorization authorization;

	private final Clock clock;

	CaseController(CaseManagement cases, DeadlineSettings deadlineSettings, CaseAlerts alerts, ChildRegistry children,
			Geography geography, Directory directory, Authorization authorization, Clock clock) {
		this.cases = cases;
		this.deadlineSettings = deadlineSettings;
		this.alerts = alerts;
		this.children = children;
		this.geography = geography;
		this.directory = directory;
		this.authorization = authorization;
		this.clock = clock;
	}

	// ---- lists ----

	@GetMapping("/cases")
	String mine(CurrentUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("alerts", alerts.unread(me));
		return list(me, model, cases.myCases(me, page), "mine", page, "/cases");
	}

	@GetMapping("/cases/all")
	String all(CurrentUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		return list(me, model, cases.inJurisdiction(me, page), "all", page, "/cases/all");
	}

	@GetMapping("/cases/overdue")
	String overdue(CurrentUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		List<OverdueStep> overdue = cases.overdue(me, page);
		model.addAttribute("overdue", overdue.subList(0, Math.min(overdue.size(), CaseManagement.PAGE_SIZE)));
		pager(model, page, overdue.size(), "/cases/overdue");
		model.addAttribute("unitNames", unitNames(me));
		model.addAttribute("now", clock.instant());
		return "cases/overdue";
	}

	private static void pager(Model model, int page, int fetched, String path) {
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("hasNext", fetched > CaseManagement.PAGE_SIZE);
		model.addAttribute("pagePath", path);
	}

	private String list(CurrentUser me, Model model, List<CaseSummary> items, String kind, int page, String path) {
		model.addAttribute("items", items.subList(0, Math.min(items.size(), CaseManagement.PAGE_SIZE)));
		pager(model, page, items.size(), path);
		model.addAttribute("kind", kind);
		model.addAttribute("unitNames", unitNames(me));
		model.addAttribute("now", clock.instant());
		return "cases/list";
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/from-report/{reportId}")
	String openFromReport(CurrentUser me, @PathVariable UUID reportId, HttpServletRequest request,
			RedirectAttributes redirect) {
		CaseId id = cases.openFromReport(me, new ReportId(reportId), request.getRemoteAddr());
		redirect.addFlashAttribute("message", "case.opened-from-report");
		return "redirect:/cases/" + id;
	}

	// ---- the case file ----

	@GetMapping("/cases/{id}")
	String show(CurrentUser me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		return page(me, new CaseId(id), request, model);
	}

	private String page(CurrentUser me, CaseId id, HttpServletRequest request, Model model) {
		CaseView view;
		try {
			view = cases.open(me, id, request.getRemoteAddr());
		}
		catch (AccessRefused ex) {
			if ("case.break-glass.needed".equals(ex.reasonKey())) {
				model.addAttribute("caseId", id.value());
				model.addAttribute("errors", new FormErrors());
				return "cases/break-glass";
			}
			throw ex;
		}
		alerts.markRead(me, id);
		ProtectionCase c = view.protectionCase();
		model.addAttribute("view", view);
		model.addAttribute("c", c);
		model.addAttribute("unit", geography.get(c.unit()));
		model.addAttribute("transferTo", c.transferTo() == null ? null : geography.get(c.transferTo()));
		model.addAttribute("childList",
				view.children().stream().map(children::find).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("officerName", cases.nameOf(c.assignedOfficer()).orElse(null));
		// lists only the forms the user is offered need
		model.addAttribute("officers", view.can("ASSIGN") ? cases.officersOf(c.unit()) : List.of());
		model.addAttribute("communes", view.can("REQUEST_TRANSFER")
				? geography.currentUnitsWithin(geography.provinceOf(c.unit())) : List.of());
		model.addAttribute("providers", view.can("RECORD_SERVICE") ? directory.search(me, null, null) : List.of());
		model.addAttribute("measures", SupportMeasure.values());
		model.addAttribute("visibilities", view.visibility());
		model.addAttribute("now", clock.instant());
		model.addAttribute("today", java.time.LocalDate.now(clock.withZone(Time.ZONE)));
		if (model.getAttribute("submitted") instanceof StepRequest refused) {
			model.addAttribute("failedStep", refused.step().name());
			model.addAttribute("failedText", refused.text());
		}
		return "cases/case";
	}

	/** A step taken with one button and at most a reason, as the case page submits it. */
	record StepRequest(CaseStep step, int version, @vn.trean.shared.PlainText(max = 10000, markup = true) String text) {
	}

	/** The steps taken with one button and at most a reason. */
	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/steps/{step}")
	@vn.trean.shared.ShownAgainAt("/cases/{id}")
	String step(vn.trean.identity.Actor actor, @PathVariable UUID id, @jakarta.validation.Valid StepRequest request,
			RedirectAttributes redirect) {
		CaseId caseId = new CaseId(id);
		CurrentUser me = actor.signedIn();
		String ip = actor.clientAddress();
		int version = request.version();
		String text = request.text();
		switch (request.step()) {
			case START_VERIFICATION -> cases.startVerification(me, caseId, version, ip);
			case CONFIRM_HARM -> cases.confirmHarm(me, caseId, version, text, ip);
			case NOT_SUBSTANTIATED -> cases.closeAsNotSubstantiated(me, caseId, version, text, ip);
			case SUBMIT_PLAN -> cases.submitPlan(me, caseId, version, ip);
			case START_REVIEW -> cases.startReview(me, caseId, version, ip);
			case CLOSE -> cases.close(me, caseId, version, text, ip);
			case NEW_CYCLE -> cases.startNewCycle(me, caseId, version, text, ip);
			case REOPEN -> cases.reopen(me, caseId, version, text, ip);
			case ACCEPT_TRANSFER -> cases.acceptTransfer(me, caseId, version, ip);
			case DECLINE_TRANSFER -> cases.declineTransfer(me, caseId, version, text, ip);
			default -> throw new UnknownCase(caseId);
		}
		redirect.addFlashAttribute("message", "case.step.done." + request.step());
		return "redirect:/cases/" + caseId;
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/notes")
	String note(CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) String text, @RequestParam(required = false) NoteVisibility visibility,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return attempt(me, new CaseId(id), CaseStep.ADD_NOTE, text, request, response, model, redirect,
				() -> cases.addNote(me, new CaseId(id), version, text, visibility, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/services")
	String service(CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			CaseManagement.ServiceDelivered service, BindingResult unconvertible, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return attempt(me, new CaseId(id), CaseStep.RECORD_SERVICE, service.outcome(), request, response, model,
				redirect, () -> {
					rejectUnconvertible(unconvertible);
					cases.recordService(me, new CaseId(id), version, service, request.getRemoteAddr());
				});
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/transfer")
	String transfer(CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) Long toUnit, @RequestParam(required = false) String text,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return attempt(me, new CaseId(id), CaseStep.REQUEST_TRANSFER, text, request, response, model, redirect,
				() -> cases.requestTransfer(me, new CaseId(id), version, toUnit, text, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/assign")
	String assign(CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) Long officer, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return attempt(me, new CaseId(id), CaseStep.ASSIGN, null, request, response, model, redirect,
				() -> cases.assign(me, new CaseId(id), version, officer, request.getRemoteAddr()));
	}

	/**
	 * Takes a step and goes back to the case with its message, or shows the case again
	 * with the refusal (422 for bad input, 409 for a step out of order or a stale copy)
	 * and what the user typed.
	 */
	private String attempt(CurrentUser me, CaseId id, CaseStep step, String text, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInput | CaseRuleBroken | CaseEditedConcurrently ex) {
			return refused(me, id, ex, step.name(), text, request, response, model);
		}
		redirect.addFlashAttribute("message", "case.step.done." + step);
		return "redirect:/cases/" + id;
	}

	private String refused(CurrentUser me, CaseId id, RuntimeException ex, String step, String text,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		FormErrors errors = errorsOf(ex);
		response.setStatus(ex instanceof InvalidInput ? 422 : 409);
		model.addAttribute("errors", errors);
		model.addAttribute("failedStep", step);
		model.addAttribute("failedText", text);
		model.addAttribute("refusal", refusalKey(ex));
		return page(me, id, request, model);
	}

	// ---- the official forms ----

	@GetMapping("/cases/{id}/forms/{form}")
	String form(CurrentUser me, @PathVariable UUID id, @PathVariable String form, HttpServletRequest request,
			Model model) {
		CaseView view = cases.open(me, new CaseId(id), request.getRemoteAddr());
		Object data = switch (form) {
			case "initial-assessment" -> latest(view.forms().initialAssessment(), InitialAssessment.blank());
			case "needs-assessment" -> latest(view.forms().needsAssessment(), NeedsAssessment.blank());
			case "plan" -> latest(view.forms().plan(), SupportPlan.blank());
			case "plan-decision" -> new PlanDecision(true, "", java.time.LocalDate.now(clock.withZone(Time.ZONE)), "");
			case "emergency-decision" ->
				EmergencyDecision.blank(LocalDateTime.now(clock.withZone(Time.ZONE)).withSecond(0).withNano(0));
			case "closing-assessment" -> latest(view.forms().closing(), ClosingAssessment.blank());
			default -> throw new UnknownCase(new CaseId(id));
		};
		return formPage(model, view, form, data, new FormErrors(), null);
	}

	private static <T> T latest(StoredForm<T> stored, T blank) {
		return stored == null ? blank : stored.data();
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/initial-assessment")
	String initialAssessment(CurrentUser me, @PathVariable UUID id, @RequestParam int version, InitialAssessment form,
			BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saveForm(me, id, "initial-assessment", form, unconvertible, request, response, model, redirect,
				() -> cases.recordInitialAssessment(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/needs-assessment")
	String needsAssessment(CurrentUser me, @PathVariable UUID id, @RequestParam int version, NeedsAssessment form,
			BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saveForm(me, id, "needs-assessment", form, unconvertible, request, response, model, redirect,
				() -> cases.recordNeedsAssessment(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/plan")
	String plan(CurrentUser me, @PathVariable UUID id, @RequestParam int version, SupportPlan form,
			BindingResult unconvertible, @RequestParam(defaultValue = "save") String action, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if ("add-measure".equals(action)) {
			List<SupportPlan.PlannedMeasure> more = new java.util.ArrayList<>(form.measures());
			more.add(new SupportPlan.PlannedMeasure(null, "", null, null));
			CaseView view = cases.open(me, new CaseId(id), request.getRemoteAddr());
			return formPage(model, view, "plan", new SupportPlan(form.goals(), more, form.resources()),
					new FormErrors(), null);
		}
		return saveForm(me, id, "plan", form, unconvertible, request, response, model, redirect,
				() -> cases.draftPlan(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/plan-decision")
	String planDecision(CurrentUser me, @PathVariable UUID id, @RequestParam int version, PlanDecision form,
			BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saveForm(me, id, "plan-decision", form, unconvertible, request, response, model, redirect,
				() -> cases.decideOnPlan(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/emergency-decision")
	String emergencyDecision(CurrentUser me, @PathVariable UUID id, @RequestParam int version, EmergencyDecision form,
			BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saveForm(me, id, "emergency-decision", form, unconvertible, request, response, model, redirect,
				() -> cases.recordEmergencyDecision(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/closing-assessment")
	String closingAssessment(CurrentUser me, @PathVariable UUID id, @RequestParam int version, ClosingAssessment form,
			BindingResult unconvertible, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return saveForm(me, id, "closing-assessment", form, unconvertible, request, response, model, redirect,
				() -> cases.recordClosingAssessment(me, new CaseId(id), version, form, request.getRemoteAddr()));
	}

	private String saveForm(CurrentUser me, UUID id, String form, Object data, BindingResult unconvertible,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
			Runnable save) {
		try {
			rejectUnconvertible(unconvertible);
			save.run();
		}
		catch (InvalidInput | CaseRuleBroken | CaseEditedConcurrently ex) {
			response.setStatus(ex instanceof InvalidInput ? 422 : 409);
			CaseView view = cases.open(me, new CaseId(id), request.getRemoteAddr());
			return formPage(model, view, form, data, errorsOf(ex), refusalKey(ex));
		}
		redirect.addFlashAttribute("message", "case.form.saved." + form);
		return "redirect:/cases/" + id;
	}

	private String formPage(Model model, CaseView view, String form, Object data, FormErrors errors, String refusal) {
		model.addAttribute("view", view);
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("form", form);
		model.addAttribute("data", data);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("riskItems", RiskItem.values());
		model.addAttribute("measures", SupportMeasure.values());
		model.addAttribute("emergencyMeasures", EmergencyMeasure.values());
		return "cases/form";
	}

	// ---- break-glass ----

	@Requires(Action.BREAK_GLASS)
	@PostMapping("/cases/{id}/break-glass")
	String breakGlass(CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) String reason,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			cases.breakGlass(me, new CaseId(id), reason, request.getRemoteAddr());
		}
		catch (InvalidInput ex) {
			response.setStatus(422);
			model.addAttribute("caseId", id);
			model.addAttribute("errors", ex.errors());
			return "cases/break-glass";
		}
		return "redirect:/cases/" + id;
	}

	// ---- settings ----

	@GetMapping("/cases/settings")
	String settings(CurrentUser me, Model model) {
		authorization.requireSomewhere(me, Action.MANAGE_CASE_SETTINGS);
		return settingsPage(model, new FormErrors());
	}

	@Requires(Action.MANAGE_CASE_SETTINGS)
	@PostMapping("/cases/settings")
	String changeSetting(CurrentUser me, DeadlineSettings.RuleChange change, BindingResult unconvertible,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			rejectUnconvertible(unconvertible);
			deadlineSettings.change(me, change, request.getRemoteAddr());
		}
		catch (InvalidInput ex) {
			response.setStatus(422);
			return settingsPage(model, ex.errors());
		}
		redirect.addFlashAttribute("message", "case.settings.saved");
		return "redirect:/cases/settings";
	}

	private String settingsPage(Model model, FormErrors errors) {
		model.addAttribute("rules", deadlineSettings.current().rules());
		model.addAttribute("units", DeadlineRules.Unit.values());
		model.addAttribute("errors", errors);
		return "cases/settings";
	}

	// ---- helpers ----

	private static void rejectUnconvertible(BindingResult unconvertible) {
		if (unconvertible.hasErrors()) {
			FormErrors errors = new FormErrors();
			unconvertible.getFieldErrors().forEach(e -> errors.reject(e.getField(), "validation.invalid"));
			throw new InvalidCaseInput(errors);
		}
	}

	private static FormErrors errorsOf(RuntimeException ex) {
		return ex instanceof InvalidInput invalid ? invalid.errors() : new FormErrors();
	}

	private static String refusalKey(RuntimeException ex) {
		if (ex instanceof CaseRuleBroken broken) {
			return broken.messageKey();
		}
		if (ex instanceof CaseEditedConcurrently) {
			return "case.concurrent-edit";
		}
		return "case.input-invalid";
	}

	private Map<UnitId, String> unitNames(CurrentUser me) {
		return geography.currentNamesAround(me.jurisdiction());
	}

}
