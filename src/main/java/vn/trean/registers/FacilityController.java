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
import vn.trean.registers.RegisterPages.EditPage;
import vn.trean.registers.FacilityPolicy.FacilityEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The pages of the schools and health facilities: the list with the form that adds one
 * (with a first capacity check), a facility's edit form listing its checks, and the
 * confirmation of its deletion; its checks have {@link FacilityCheckController}. A
 * refused form is shown again by its page with the reasons ({@code shared.Refusals}).
 */
@Controller
class FacilityController {

	private static final EditPage EDIT = new EditPage("facility", "registers.facilities.edit", "/registers/facilities",
			"registers.facilities");

	private final FacilityRegister facilities;

	private final Registers registers;

	FacilityController(FacilityRegister facilities, Registers registers) {
		this.facilities = facilities;
		this.registers = registers;
	}

	@GetMapping("/registers/facilities")
	String facilities(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, facilities.listing(actor, RegisterPages.pageNumber(page)));
		model.addAttribute("form", RegisterPages.shown(model, FacilityEntry.class, FacilityEntry.blank()));
		model.addAttribute("kinds", FacilityKind.values());
		return "registers/facilities";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities")
	String add(Actor actor, @Valid FacilityEntry entry, RedirectAttributes redirect) {
		facilities.add(actor, entry);
		return RegisterPages.done(redirect, "registers.saved", "/registers/facilities");
	}

	@GetMapping("/registers/facilities/{id}/edit")
	String edit(Actor actor, @PathVariable FacilityId id, Model model) {
		Facility facility = facilities.facility(actor, id);
		model.addAttribute("facility", facility);
		model.addAttribute("checks", facilities.checks(actor, id));
		model.addAttribute("kinds", FacilityKind.values());
		return RegisterPages.edit(model, EDIT, "/registers/facilities/" + id.value(), facility.version(),
				registers.writableUnits(actor.signedIn()),
				RegisterPages.shown(model, FacilityEntry.class, FacilityEntry.of(facility)));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}")
	@ShownAgainAt("/registers/facilities/{id}/edit")
	String change(Actor actor, @PathVariable FacilityId id, @RequestParam(required = false) String version,
			@Valid FacilityEntry entry, RedirectAttributes redirect) {
		facilities.change(actor, id, version, entry);
		return RegisterPages.done(redirect, "registers.changed", "/registers/facilities");
	}

	@GetMapping("/registers/facilities/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable FacilityId id, Model model) {
		return RegisterPages.delete(model, facilities.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/facilities/{id}/delete")
	String delete(Actor actor, @PathVariable FacilityId id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		facilities.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/facilities");
	}

}
