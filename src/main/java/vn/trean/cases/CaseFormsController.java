package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.Time;

/**
 * The official forms of a case: each shows the latest version (or a blank form), and
 * after a refusal what the user typed ({@code submitted}) with the errors.
 */
@Controller
class CaseFormsController {

	private final CaseManagement cases;

	private final CaseForms forms;

	private final Clock clock;

	CaseFormsController(CaseManagement cases, CaseForms forms, Clock clock) {
		this.cases = cases;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/cases/{id}/forms/{form}")
	String form(Actor actor, @PathVariable CaseId id, @PathVariable String form, Model model) {
		CaseView view = cases.open(actor, id);
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
			case "plan-decision" -> new PlanDecision(true, "", LocalDate.now(clock.withZone(Time.ZONE)), "");
			case "emergency-decision" ->
				EmergencyDecision.blank(LocalDateTime.now(clock.withZone(Time.ZONE)).withSecond(0).withNano(0));
			case "closing-assessment" -> latest(stored.closing(), ClosingAssessment.blank());
			default -> throw new UnknownCase(view.protectionCase().id());
		};
	}

	private static <T> T latest(StoredForm<T> stored, T blank) {
		return stored == null ? blank : stored.data();
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/initial-assessment")
	String initialAssessment(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid InitialAssessment form, RedirectAttributes redirect) {
		forms.recordInitialAssessment(actor, id, version, form);
		return saved(redirect, id, "initial-assessment");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/needs-assessment")
	String needsAssessment(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid NeedsAssessment form,
			RedirectAttributes redirect) {
		forms.recordNeedsAssessment(actor, id, version, form);
		return saved(redirect, id, "needs-assessment");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/plan")
	String plan(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid SupportPlan form,
			RedirectAttributes redirect) {
		forms.draftPlan(actor, id, version, form);
		return saved(redirect, id, "plan");
	}

	/**
	 * The plan again with one more blank measure, nothing saved and nothing checked: the
	 * plan is checked when it is saved.
	 */
	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping(path = "/cases/{id}/forms/plan", params = "action=add-measure")
	String addMeasure(Actor actor, @PathVariable CaseId id, SupportPlan form, BindingResult unconvertible,
			Model model) {
		SupportPlan typed = form == null ? SupportPlan.blank() : form;
		List<SupportPlan.PlannedMeasure> more = new ArrayList<>(typed.measures());
		more.add(new SupportPlan.PlannedMeasure(null, "", null, null));
		return formPage(model, cases.open(actor, id), "plan", new SupportPlan(typed.goals(), more, typed.resources()));
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/plan-decision")
	String planDecision(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid PlanDecision form,
			RedirectAttributes redirect) {
		forms.decideOnPlan(actor, id, version, form);
		return saved(redirect, id, "plan-decision");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/forms/emergency-decision")
	String emergencyDecision(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid EmergencyDecision form, RedirectAttributes redirect) {
		forms.recordEmergencyDecision(actor, id, version, form);
		return saved(redirect, id, "emergency-decision");
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
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
		model.addAttribute("view", view);
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("form", form);
		model.addAttribute("data", data);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("riskItems", RiskItem.values());
		model.addAttribute("measures", SupportMeasure.values());
		model.addAttribute("emergencyMeasures", EmergencyMeasure.values());
		return "cases/form";
	}

}
