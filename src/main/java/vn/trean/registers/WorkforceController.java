package vn.trean.registers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.trean.identity.Actor;
import vn.trean.registers.RegisterPages.EditPage;
import vn.trean.registers.WorkforcePolicy.MemberEntry;

/**
 * The workforce roster's pages (those of {@link RecordPages}); a member's deletion page
 * lists the trainings that stop it.
 */
@Controller
@RequestMapping("/registers/{register:workforce}")
class WorkforceController extends RecordPages<MemberId, WorkforceMember, MemberEntry> {

	private final WorkforceRegister workforce;

	WorkforceController(WorkforceRegister workforce, Registers registers) {
		super(workforce, registers, MemberEntry.class, MemberEntry.blank(), "registers/workforce",
				new EditPage("member", "registers.workforce.edit", "/registers/workforce", "registers.workforce"));
		this.workforce = workforce;
	}

	@Override
	void choices(Actor actor, WorkforceMember member, Model model) {
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("agencies", workforce.agencies(actor));
	}

}
