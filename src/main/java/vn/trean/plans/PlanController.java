package vn.trean.plans;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.CurrentUser;
import vn.trean.shared.FormErrors;
import vn.trean.identity.Action;
import vn.trean.identity.Requires;

/**
 * The plan pages: the plans in the user's province, one plan with its objectives,
 * indicators and activities, one indicator with its targets and denominators; and the
 * plan administrator's forms for targets, denominators and activities.
 */
@Controller
class PlanController {

	private final ActionPlans plans;

	PlanController(ActionPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/plans")
	String list(CurrentUser me, Model model) {
		model.addAttribute("plans", plans.visible(me));
		return "plans/list";
	}

	@GetMapping("/plans/{id}")
	String show(CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("view", plans.page(me, id));
		return "plans/plan";
	}

	@GetMapping("/plans/{id}/indicators/{code}")
	String indicator(CurrentUser me, @PathVariable long id, @PathVariable String code, Model model) {
		return indicatorPage(me, id, code, model, null, null, null);
	}

	/** A target or denominator as submitted. */
	record FigureForm(String unit, String year, String value) {
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/indicators/{code}/targets")
	String setTarget(CurrentUser me, @PathVariable long id, @PathVariable String code, FigureForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			plans.setTarget(me, id, code, new ActionPlans.TargetEntry(form.unit(), form.year(), form.value()),
					request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return indicatorPage(me, id, code, model, "target", form, ex.errors());
		}
		redirect.addFlashAttribute("message", "plans.target.saved");
		return "redirect:/plans/" + id + "/indicators/" + code;
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/indicators/{code}/denominators")
	String setDenominator(CurrentUser me, @PathVariable long id, @PathVariable String code, FigureForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			plans.setDenominator(me, id, code, new ActionPlans.DenominatorEntry(form.unit(), form.year(), form.value()),
					request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return indicatorPage(me, id, code, model, "denominator", form, ex.errors());
		}
		redirect.addFlashAttribute("message", "plans.denominator.saved");
		return "redirect:/plans/" + id + "/indicators/" + code;
	}

	private String indicatorPage(CurrentUser me, long id, String code, Model model, String failed, FigureForm form,
			FormErrors errors) {
		model.addAttribute("view", plans.indicatorPage(me, id, code));
		model.addAttribute("failed", failed);
		model.addAttribute("form", form == null ? new FigureForm("", "", "") : form);
		model.addAttribute("errors", errors == null ? new FormErrors() : errors);
		return "plans/indicator";
	}

	/** An activity's details as submitted. */
	record ActivityForm(String responsibleAgency, List<String> partners, String periodStart, String periodEnd,
			String fundingSource, Integer version) {

		static ActivityForm of(Activity a) {
			return new ActivityForm(a.responsibleAgency() == null ? "" : a.responsibleAgency().toString(),
					a.partners().stream().map(Object::toString).toList(),
					a.periodStart() == null ? "" : a.periodStart().toString(),
					a.periodEnd() == null ? "" : a.periodEnd().toString(), a.fundingSource(), a.version());
		}

		public boolean hasPartner(Object id) {
			return partners != null && partners.contains(String.valueOf(id));
		}

	}

	@GetMapping("/plans/{id}/activities/{activityId}/edit")
	String editActivity(CurrentUser me, @PathVariable long id, @PathVariable long activityId, Model model) {
		Activity activity = plans.activityToEdit(me, id, activityId);
		return activityForm(me, id, activity, ActivityForm.of(activity), new FormErrors(), model);
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/activities/{activityId}")
	String changeActivity(CurrentUser me, @PathVariable long id, @PathVariable long activityId, ActivityForm form,
			org.springframework.validation.BindingResult unconvertible, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Activity activity = plans.activityToEdit(me, id, activityId);
		try {
			plans.changeActivity(me, id, activityId,
					new ActionPlans.ActivityEntry(form.responsibleAgency(), form.partners(), form.periodStart(),
							form.periodEnd(), form.fundingSource(), unconvertible.hasErrors() ? null : form.version()),
					request.getRemoteAddr());
		}
		catch (InvalidPlanInput ex) {
			response.setStatus(422);
			return activityForm(me, id, activity, form, ex.errors(), model);
		}
		redirect.addFlashAttribute("message", "plans.activity.saved");
		return "redirect:/plans/" + id + "#activity-" + activityId;
	}

	private String activityForm(CurrentUser me, long planId, Activity activity, ActivityForm form, FormErrors errors,
			Model model) {
		model.addAttribute("plan", plans.administered(me, planId));
		model.addAttribute("activity", activity);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("agencies", plans.agenciesFor(me, planId));
		return "plans/activity-form";
	}

}
