package vn.trean.registers;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.registers.TrainingPolicy.TrainingEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The trainings' pages: the list, the form of a training of a unit (adding or correcting)
 * with that unit's roster to pick participants from, and the confirmation of a deletion.
 * The counts by role and sex arrive as fields of their own, added to the entry here. A
 * refused form is shown again by its page with the reasons ({@code shared.Refusals}).
 */
@Controller
class TrainingController {

	private final TrainingRegister trainings;

	private final WorkforceRegister workforce;

	private final Registers registers;

	TrainingController(TrainingRegister trainings, WorkforceRegister workforce, Registers registers) {
		this.trainings = trainings;
		this.workforce = workforce;
		this.registers = registers;
	}

	@GetMapping("/registers/trainings")
	String trainings(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, trainings.listing(actor, RegisterPages.pageNumber(page)));
		return "registers/trainings";
	}

	/**
	 * The form for a training of a unit; shown again after a refusal, the unit is the
	 * refused entry's.
	 */
	@GetMapping("/registers/trainings/new")
	String newTraining(Actor actor, @RequestParam(required = false) String unit, Model model) {
		TrainingEntry blank = TrainingEntry.blank(unit);
		TrainingEntry form = RegisterPages.shown(model, TrainingEntry.class, blank);
		return form(actor, unit != null ? unit : form.unit(), form, model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings")
	@ShownAgainAt("/registers/trainings/new")
	String add(Actor actor, @Valid TrainingEntry entry, @RequestParam Map<String, String> fields,
			RedirectAttributes redirect) {
		trainings.add(actor, entry.addCounts(fields));
		return RegisterPages.done(redirect, "registers.saved", "/registers/trainings");
	}

	@GetMapping("/registers/trainings/{id}/edit")
	String edit(Actor actor, @PathVariable TrainingId id, Model model) {
		Training training = trainings.training(actor, id);
		model.addAttribute("action", "/registers/trainings/" + id.value());
		model.addAttribute("version", training.version());
		TrainingEntry form = RegisterPages.shown(model, TrainingEntry.class, trainings.entry(actor, id));
		return form(actor, training.unit().toString(), form, model);
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings/{id}")
	@ShownAgainAt("/registers/trainings/{id}/edit")
	String change(Actor actor, @PathVariable TrainingId id, @RequestParam(required = false) String version,
			@Valid TrainingEntry entry, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		trainings.change(actor, id, version, entry.addCounts(fields));
		return RegisterPages.done(redirect, "registers.changed", "/registers/trainings");
	}

	@GetMapping("/registers/trainings/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable TrainingId id, Model model) {
		return RegisterPages.delete(model, trainings.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/trainings/{id}/delete")
	String delete(Actor actor, @PathVariable TrainingId id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		trainings.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/trainings");
	}

	/**
	 * The training form, adding or correcting, for a unit the user may write in: the
	 * roster to pick participants from, the counts typed and the choices.
	 */
	private String form(Actor actor, String unitText, TrainingEntry form, Model model) {
		AdministrativeUnit unit = registers.writableUnit(actor.signedIn(), unitText);
		model.addAttribute("unit", unit);
		model.addAttribute("roster", workforce.roster(actor, unit.id(), form.participants()));
		model.addAttribute("form", form);
		model.addAttribute("counts", form.counts());
		model.addAttribute("kinds", TrainingKind.values());
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		return "registers/training-form";
	}

}
