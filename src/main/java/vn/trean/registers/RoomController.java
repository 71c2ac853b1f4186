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
import vn.trean.registers.RoomPolicy.RoomEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The interview rooms' pages: the list with the form that adds a room, a room's edit form
 * and the confirmation of its deletion. A refused form is shown again by its page with
 * the reasons ({@code shared.Refusals}).
 */
@Controller
class RoomController {

	private static final EditPage EDIT = new EditPage("room", "registers.rooms.edit", "/registers/rooms",
			"registers.rooms");

	private final RoomRegister rooms;

	private final Registers registers;

	RoomController(RoomRegister rooms, Registers registers) {
		this.rooms = rooms;
		this.registers = registers;
	}

	@GetMapping("/registers/rooms")
	String rooms(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, rooms.listing(actor, RegisterPages.pageNumber(page)));
		model.addAttribute("form", RegisterPages.shown(model, RoomEntry.class, RoomEntry.blank()));
		return "registers/rooms";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms")
	String add(Actor actor, @Valid RoomEntry entry, RedirectAttributes redirect) {
		rooms.add(actor, entry);
		return RegisterPages.done(redirect, "registers.saved", "/registers/rooms");
	}

	@GetMapping("/registers/rooms/{id}/edit")
	String edit(Actor actor, @PathVariable RoomId id, Model model) {
		InterviewRoom room = rooms.room(actor, id);
		return RegisterPages.edit(model, EDIT, "/registers/rooms/" + id.value(), room.version(),
				registers.writableUnits(actor.signedIn()),
				RegisterPages.shown(model, RoomEntry.class, RoomEntry.of(room)));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms/{id}")
	@ShownAgainAt("/registers/rooms/{id}/edit")
	String change(Actor actor, @PathVariable RoomId id, @RequestParam(required = false) String version,
			@Valid RoomEntry entry, RedirectAttributes redirect) {
		rooms.change(actor, id, version, entry);
		return RegisterPages.done(redirect, "registers.changed", "/registers/rooms");
	}

	@GetMapping("/registers/rooms/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable RoomId id, Model model) {
		return RegisterPages.delete(model, rooms.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/rooms/{id}/delete")
	String delete(Actor actor, @PathVariable RoomId id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		rooms.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/rooms");
	}

}
