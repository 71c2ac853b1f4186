package vn.trean.registers;

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
import vn.trean.identity.Requires;
import vn.trean.registers.FacilityPolicy.CheckEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The pages of a facility's capacity checks: the form of a check (adding or correcting,
 * with the checklist of the facility's kind) and the confirmation of a check's deletion.
 * A refused form is shown again by its page with the reasons ({@code shared.Refusals}).
 */
@Controller
class FacilityCheckController {

	private final FacilityRegister facilities;

	FacilityCheckController(FacilityRegister facilities) {
		this.facilities = facilities;
	}

	@GetMapping("/registers/facilities/{id}/checks/new")
	String newCheck(Actor actor, @PathVariable FacilityId id, Model model) {
		model.addAttribute("facility", facilities.record(actor, id));
		model.addAttribute("form", RegisterPages.shown(model, CheckEntry.class, new CheckEntry(null, null)));
		return "registers/facility-check";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks")
	@ShownAgainAt("/registers/facilities/{id}/checks/new")
	String add(Actor actor, @PathVariable FacilityId id, @Valid CheckEntry entry, RedirectAttributes redirect) {
		facilities.addCheck(actor, id, entry);
		return RegisterPages.done(redirect, "registers.saved", "/registers/facilities");
	}

	@GetMapping("/registers/facilities/{id}/checks/{checkId}/edit")
	String edit(Actor actor, @PathVariable FacilityId id, @PathVariable CheckId checkId, Model model) {
		CapacityCheck check = facilities.check(actor, id, checkId);
		model.addAttribute("facility", facilities.record(actor, id));
		model.addAttribute("form", RegisterPages.shown(model, CheckEntry.class, CheckEntry.of(check)));
		model.addAttribute("action", "/registers/facilities/" + id.value() + "/checks/" + checkId.value());
		model.addAttribute("version", check.version());
		return "registers/facility-check";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks/{checkId}")
	@ShownAgainAt("/registers/facilities/{id}/checks/{checkId}/edit")
	String change(Actor actor, @PathVariable FacilityId id, @PathVariable CheckId checkId,
			@RequestParam(required = false) String version, @Valid CheckEntry entry, RedirectAttributes redirect) {
		facilities.changeCheck(actor, id, checkId, version, entry);
		return RegisterPages.done(redirect, "registers.changed", "/registers/facilities/" + id.value() + "/edit");
	}

	@GetMapping("/registers/facilities/{id}/checks/{checkId}/delete")
	String confirmDeletion(Actor actor, @PathVariable FacilityId id, @PathVariable CheckId checkId, Model model) {
		return RegisterPages.delete(model, facilities.checkRemoval(actor, id, checkId));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/checks/{checkId}/delete")
	String delete(Actor actor, @PathVariable FacilityId id, @PathVariable CheckId checkId,
			@RequestParam(required = false) String version, RedirectAttributes redirect) {
		facilities.deleteCheck(actor, id, checkId, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/facilities/" + id.value() + "/edit");
	}

}
