package vn.trean.registers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.trean.identity.Actor;
import vn.trean.registers.FacilityPolicy.FacilityEntry;
import vn.trean.registers.RegisterPages.EditPage;

/**
 * The pages of the schools and health facilities (those of {@link RecordPages}): a
 * facility is added with a first capacity check, and its edit page lists its checks,
 * whose own pages are {@link FacilityCheckController}'s.
 */
@Controller
@RequestMapping("/registers/{register:facilities}")
class FacilityController extends RecordPages<FacilityId, Facility, FacilityEntry> {

	private final FacilityRegister facilities;

	FacilityController(FacilityRegister facilities, Registers registers) {
		super(facilities, registers, FacilityEntry.class, FacilityEntry.blank(), "registers/facilities",
				new EditPage("facility", "registers.facilities.edit", "/registers/facilities", "registers.facilities"));
		this.facilities = facilities;
	}

	@Override
	void choices(Actor actor, Facility facility, Model model) {
		model.addAttribute("kinds", FacilityKind.values());
		if (facility != null) {
			model.addAttribute("facility", facility);
			model.addAttribute("checks", facilities.checks(new FacilityId(facility.id())));
		}
	}

}
