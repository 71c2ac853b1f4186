package vn.trean.plans;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Requires;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

/**
 * The plan pages: the plans in the user's province, one plan with its objectives,
 * indicators and activities, one indicator with its targets and denominators, the child
 * population; and the plan administrator's forms for targets, denominators, the child
 * population and activities. A refused form is shown again on its page with what was
 * typed.
 */
@Controller
class PlanController {

	private final ActionPlans plans;

	private final PlanFigures figures;

	private final PlanActivities activities;

	PlanController(ActionPlans plans, PlanFigures figures, PlanActivities activities) {
		this.plans = plans;
		this.figures = figures;
		this.activities = activities;
	}

	@GetMapping("/plans")
	String list(CurrentUser me, Model model) {
		model.addAttribute("plans", plans.visible(me));
		return "plans/list";
	}

	@GetMapping("/plans/{id}")
	String show(CurrentUser me, @PathVariable PlanId id, Model model) {
		model.addAttribute("view", plans.page(me, id));
		return "plans/plan";
	}

	/** A target as typed into its form. */
	record TargetForm(@PlainText(max = 100) String unit, @PlainText(max = 100) String year,
			@PlainText(max = 100) String value) {

		PlanFigures.Entry entry() {
			return new PlanFigures.Entry(unit, year, value);
		}

	}

	/** A reference denominator as typed into its form. */
	record DenominatorForm(@PlainText(max = 100) String unit, @PlainText(max = 100) String year,
			@PlainText(max = 100) String value) {

		PlanFigures.Entry entry() {
			return new PlanFigures.Entry(unit, year, value);
		}

	}

	/**
	 * The indicator page; after a refused target or denominator, that form shows what was
	 * typed.
	 */
	@GetMapping("/plans/{id}/indicators/{code}")
	String indicator(CurrentUser me, @PathVariable PlanId id, @PathVariable String code, Model model) {
		model.addAttribute("view", plans.indicatorPage(me, id, code));
		Object submitted = model.getAttribute("submitted");
		model.addAttribute("failed", submitted instanceof TargetForm ? "target"
				: submitted instanceof DenominatorForm ? "denominator" : null);
		model.addAttribute("form", submitted != null ? submitted : new TargetForm("", "", ""));
		return "plans/indicator";
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/indicators/{code}/targets")
	@ShownAgainAt("/plans/{id}/indicators/{code}")
	String setTarget(Actor actor, @PathVariable PlanId id, @PathVariable String code, @Valid TargetForm form,
			RedirectAttributes redirect) {
		figures.setTarget(actor, id, code, form.entry());
		redirect.addFlashAttribute("message", "plans.target.saved");
		return "redirect:/plans/" + id + "/indicators/" + code;
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/indicators/{code}/denominators")
	@ShownAgainAt("/plans/{id}/indicators/{code}")
	String setDenominator(Actor actor, @PathVariable PlanId id, @PathVariable String code, @Valid DenominatorForm form,
			RedirectAttributes redirect) {
		figures.setDenominator(actor, id, code, form.entry());
		redirect.addFlashAttribute("message", "plans.denominator.saved");
		return "redirect:/plans/" + id + "/indicators/" + code;
	}

	/**
	 * The child population of the province and its communes; after a refused figure, the
	 * form shows what was typed, else the unit and year the address asks for (the
	 * statistics link here for a missing figure).
	 */
	@GetMapping("/plans/{id}/population")
	String population(CurrentUser me, @PathVariable PlanId id, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String year, Model model) {
		model.addAttribute("view", plans.populationPage(me, id));
		Object submitted = model.getAttribute("submitted");
		model.addAttribute("failed", submitted instanceof DenominatorForm);
		model.addAttribute("form", submitted instanceof DenominatorForm typed ? typed
				: new DenominatorForm(unit == null ? "" : unit, year == null ? "" : year, ""));
		return "plans/population";
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/population")
	@ShownAgainAt("/plans/{id}/population")
	String setPopulation(Actor actor, @PathVariable PlanId id, @Valid DenominatorForm form,
			RedirectAttributes redirect) {
		figures.setPopulation(actor, id, form.entry(), false);
		redirect.addFlashAttribute("message", "plans.population.saved");
		return "redirect:/plans/" + id + "/population";
	}

	@GetMapping("/plans/{id}/activities/{activityId}/edit")
	String editActivity(CurrentUser me, @PathVariable PlanId id, @PathVariable long activityId, Model model) {
		Activity activity = activities.toEdit(me, id, activityId);
		model.addAttribute("plan", plans.administered(me, id));
		model.addAttribute("activity", activity);
		model.addAttribute("form", model.getAttribute("submitted") instanceof PlanActivities.Entry typed ? typed
				: PlanActivities.Entry.of(activity));
		model.addAttribute("agencies", activities.agenciesFor(me, id));
		return "plans/activity-form";
	}

	@Requires(Action.MANAGE_ACTION_PLANS)
	@PostMapping("/plans/{id}/activities/{activityId}")
	@ShownAgainAt("/plans/{id}/activities/{activityId}/edit")
	String changeActivity(Actor actor, @PathVariable PlanId id, @PathVariable long activityId,
			@Valid PlanActivities.Entry form, RedirectAttributes redirect) {
		activities.change(actor, id, activityId, form);
		redirect.addFlashAttribute("message", "plans.activity.saved");
		return "redirect:/plans/" + id + "#activity-" + activityId;
	}

}
