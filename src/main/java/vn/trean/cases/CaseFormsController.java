package vn.trean.cases;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * The official forms of a case, editable by those who may save them now: each shows the
 * latest version (or a blank form), and after a refusal what the user typed
 * ({@code submitted}) with the errors. Everyone else who may read the case sees the
 * read-only view ({@link SavedFormPage}), and a form they send anyway is refused before
 * it is read. The handlers let in every role that reads cases: whether the user may save
 * the form is the form's own rule ({@link CaseForms#maySave}), so the refusal can say
 * why.
 */
@Controller
class CaseFormsController {

	private static final Pattern ROW = Pattern.compile("\\w+\\[(\\d+)]");

	private final CaseManagement cases;

	private final CaseForms forms;

	private final PlanAgencies agencies;

	private final CaseDecisionFacts facts;

	private final SavedFormPage saved;

	private final CaseAlerts alerts;

	private final Clock clock;

	CaseFormsController(CaseManagement cases, CaseForms forms, PlanAgencies agencies, CaseDecisionFacts facts,
			SavedFormPage saved, CaseAlerts alerts, Clock clock) {
		this.alerts = alerts;
		this.facts = facts;
		this.saved = saved;
		this.cases = cases;
		this.forms = forms;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** A plan row without an agency sends an empty choice: no agency, not a bad id. */
	@InitBinder
	void agencyChoices(WebDataBinder binder) {
		binder.registerCustomEditor(AgencyId.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isBlank() ? null : AgencyId.valueOf(text));
			}

		});
	}

	/**
	 * Before a sent form is bound: refuses (403, audited) a user who may not save it now,
	 * the form named by the handler's address ({@code /cases/{id}/forms/plan}); then a
	 * row number no form shows, since binding a record's list past the binder's
	 * collection limit fails with an index error instead of a binding error.
	 */
	@ModelAttribute
	void beforeBinding(Actor actor, @PathVariable CaseId id, HttpServletRequest request) {
		if ("POST".equals(request.getMethod())) {
			String mapping = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
			forms.requireMaySave(actor, id, CaseForm.byPath(mapping.substring(mapping.lastIndexOf('/') + 1))
				.orElseThrow(() -> new UnknownCase(id)));
		}
		for (String name : request.getParameterMap().keySet()) {
			Matcher row = ROW.matcher(name);
			if (row.lookingAt() && (row.group(1).length() > 6
					|| Integer.parseInt(row.group(1)) >= DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT)) {
				throw new InvalidCaseInput(new FormErrors().reject("measures", "case.plan.measures-too-many"));
			}
		}
	}

	@GetMapping("/cases/{id}/forms/{form}")
	String form(Actor actor, @PathVariable CaseId id, @PathVariable String form, Model model) {
		CaseForm which = CaseForm.byPath(form).orElseThrow(() -> new UnknownCase(id));
		CaseView view = cases.open(actor, id, "FORM " + which.name());
		alerts.markRead(actor.signedIn(), id);
		Verdict<Void> may = forms.maySave(actor.signedIn(), view.protectionCase(), which);
		if (!may.allowed()) {
			return saved.latest(model, view, which, may.reason());
		}
		Object stored = stored(view, form);
		Object submitted = model.getAttribute("submitted");
		return formPage(model, view, form,
				submitted != null && submitted.getClass() == stored.getClass() ? submitted : stored);
	}

	/**
	 * The latest version of the form, or a blank one with today's date where it has one.
	 */
	private Object stored(CaseView view, String form) {
		CaseView.Forms stored = view.forms();
		return switch (form) {
			case "initial-assessment" -> latest(stored.initialAssessment(), InitialAssessment.blank());
			case "needs-assessment" -> latest(stored.needsAssessment(), NeedsAssessment.blank());
			case "plan" -> latest(stored.plan(), SupportPlan.blank());
			case "plan-decision" -> new PlanDecision(null, "", LocalDate.now(clock.withZone(Time.ZONE)), "");
			case "emergency-decision" ->
				EmergencyDecision.blank(LocalDateTime.now(clock.withZone(Time.ZONE)).withSecond(0).withNano(0));
			case "closing-assessment" -> latest(stored.closing(), ClosingAssessment.blank());
			default -> throw new UnknownCase(view.protectionCase().id());
		};
	}

	private static <T> T latest(StoredForm<T> stored, T blank) {
		return stored == null ? blank : stored.data();
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/initial-assessment")
	String initialAssessment(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid InitialAssessment form, RedirectAttributes redirect) {
		forms.recordInitialAssessment(actor, id, version, form);
		return saved(redirect, id, "initial-assessment");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/needs-assessment")
	String needsAssessment(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid NeedsAssessment form,
			RedirectAttributes redirect) {
		forms.recordNeedsAssessment(actor, id, version, form);
		return saved(redirect, id, "needs-assessment");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/plan")
	String plan(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid SupportPlan form,
			RedirectAttributes redirect) {
		forms.draftPlan(actor, id, version, form);
		return saved(redirect, id, "plan");
	}

	/**
	 * The plan again with its rows edited as a button asked ({@code add}, or
	 * {@code remove-N}, {@code up-N}, {@code down-N} for row N), everything else kept as
	 * typed; nothing saved and nothing checked but the number of rows: the plan is
	 * checked when it is saved.
	 */
	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping(path = "/cases/{id}/forms/plan", params = "edit")
	String editPlan(Actor actor, @PathVariable CaseId id, @RequestParam String edit, SupportPlan form,
			BindingResult unconvertible, Model model, HttpServletResponse response) {
		SupportPlan typed = form == null ? SupportPlan.blank() : form;
		if (edit.equals("add") && typed.measures().size() >= SupportPlan.MAX_MEASURES) {
			((FormErrors) model.getAttribute("errors")).reject("measures", "case.plan.measures-too-many");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, cases.open(actor, id), "plan", typed);
		}
		return formPage(model, cases.open(actor, id), "plan", edited(typed, edit));
	}

	private static SupportPlan edited(SupportPlan plan, String edit) {
		if (edit.equals("add")) {
			return plan.withRowAdded();
		}
		int dash = edit.lastIndexOf('-');
		int row = dash < 0 ? -1 : rowNumber(edit.substring(dash + 1));
		return switch (dash < 0 ? "" : edit.substring(0, dash)) {
			case "remove" -> plan.withRowRemoved(row);
			case "up" -> plan.withRowMoved(row, -1);
			case "down" -> plan.withRowMoved(row, 1);
			default -> plan;
		};
	}

	private static int rowNumber(String text) {
		return text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1;
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/plan-decision")
	String planDecision(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid PlanDecision form,
			RedirectAttributes redirect) {
		forms.decideOnPlan(actor, id, version, form);
		return saved(redirect, id, "plan-decision");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/emergency-decision")
	String emergencyDecision(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid EmergencyDecision form, RedirectAttributes redirect) {
		forms.recordEmergencyDecision(actor, id, version, form);
		return saved(redirect, id, "emergency-decision");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES, Action.VIEW_CASES })
	@PostMapping("/cases/{id}/forms/closing-assessment")
	String closingAssessment(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid ClosingAssessment form, RedirectAttributes redirect) {
		forms.recordClosingAssessment(actor, id, version, form);
		return saved(redirect, id, "closing-assessment");
	}

	private static String saved(RedirectAttributes redirect, CaseId id, String form) {
		redirect.addFlashAttribute("message", "case.form.saved." + form);
		return "redirect:/cases/" + id;
	}

	private String formPage(Model model, CaseView view, String form, Object data) {
		CaseForm which = CaseForm.byPath(form).orElseThrow();
		model.addAttribute("hasSaved", !forms.versions(view, which).isEmpty());
		model.addAttribute("view", view);
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("form", form);
		model.addAttribute("data", data);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("riskItems", RiskItem.values());
		model.addAttribute("measures", SupportMeasure.values());
		if (form.equals("plan")) {
			model.addAttribute("agencies", agencies.around(view.protectionCase().unit()));
			model.addAttribute("maxMeasures", SupportPlan.MAX_MEASURES);
		}
		model.addAttribute("emergencyMeasures", EmergencyMeasure.values());
		if (form.equals("emergency-decision") || form.equals("plan-decision")) {
			model.addAttribute("facts", facts.of(view));
		}
		return "cases/form";
	}

}
