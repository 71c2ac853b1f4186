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
import vn.trean.registers.WorkforcePolicy.MemberEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The workforce roster's pages: the list with the form that adds a member, a member's
 * edit form and the confirmation of their deletion (or the trainings that stop it). A
 * refused form is shown again by its page with the reasons ({@code shared.Refusals}).
 */
@Controller
class WorkforceController {

	private static final EditPage EDIT = new EditPage("member", "registers.workforce.edit", "/registers/workforce",
			"registers.workforce");

	private final WorkforceRegister workforce;

	private final Registers registers;

	WorkforceController(WorkforceRegister workforce, Registers registers) {
		this.workforce = workforce;
		this.registers = registers;
	}

	@GetMapping("/registers/workforce")
	String workforce(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, workforce.listing(actor, RegisterPages.pageNumber(page)));
		model.addAttribute("form", RegisterPages.shown(model, MemberEntry.class, MemberEntry.blank()));
		choices(actor, model);
		return "registers/workforce";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce")
	String add(Actor actor, @Valid MemberEntry entry, RedirectAttributes redirect) {
		workforce.add(actor, entry);
		return RegisterPages.done(redirect, "registers.saved", "/registers/workforce");
	}

	@GetMapping("/registers/workforce/{id}/edit")
	String edit(Actor actor, @PathVariable MemberId id, Model model) {
		WorkforceMember member = workforce.member(actor, id);
		choices(actor, model);
		return RegisterPages.edit(model, EDIT, "/registers/workforce/" + id.value(), member.version(),
				registers.writableUnits(actor.signedIn()),
				RegisterPages.shown(model, MemberEntry.class, MemberEntry.of(member)));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce/{id}")
	@ShownAgainAt("/registers/workforce/{id}/edit")
	String change(Actor actor, @PathVariable MemberId id, @RequestParam(required = false) String version,
			@Valid MemberEntry entry, RedirectAttributes redirect) {
		workforce.change(actor, id, version, entry);
		return RegisterPages.done(redirect, "registers.changed", "/registers/workforce");
	}

	@GetMapping("/registers/workforce/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable MemberId id, Model model) {
		return RegisterPages.delete(model, workforce.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/workforce/{id}/delete")
	String delete(Actor actor, @PathVariable MemberId id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		workforce.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/workforce");
	}

	private void choices(Actor actor, Model model) {
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("agencies", workforce.agencies(actor));
	}

}
