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
import vn.trean.registers.EventPolicy.EventEntry;
import vn.trean.shared.ShownAgainAt;

/**
 * The communication events' pages: the list with the form that adds an event, an event's
 * edit form and the confirmation of its deletion. A refused form is shown again by its
 * page with the reasons ({@code shared.Refusals}).
 */
@Controller
class EventController {

	private static final EditPage EDIT = new EditPage("event", "registers.events.edit", "/registers/events",
			"registers.events");

	private final EventRegister events;

	private final Registers registers;

	EventController(EventRegister events, Registers registers) {
		this.events = events;
		this.registers = registers;
	}

	@GetMapping("/registers/events")
	String events(Actor actor, @RequestParam(required = false) String page, Model model) {
		RegisterPages.list(model, events.listing(actor, RegisterPages.pageNumber(page)));
		model.addAttribute("form", RegisterPages.shown(model, EventEntry.class, EventEntry.blank()));
		return "registers/events";
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events")
	String add(Actor actor, @Valid EventEntry entry, RedirectAttributes redirect) {
		events.add(actor, entry);
		return RegisterPages.done(redirect, "registers.saved", "/registers/events");
	}

	@GetMapping("/registers/events/{id}/edit")
	String edit(Actor actor, @PathVariable EventId id, Model model) {
		CommunicationEvent event = events.event(actor, id);
		return RegisterPages.edit(model, EDIT, "/registers/events/" + id.value(), event.version(),
				registers.writableUnits(actor.signedIn()),
				RegisterPages.shown(model, EventEntry.class, events.entry(actor, id)));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events/{id}")
	@ShownAgainAt("/registers/events/{id}/edit")
	String change(Actor actor, @PathVariable EventId id, @RequestParam(required = false) String version,
			@Valid EventEntry entry, RedirectAttributes redirect) {
		events.change(actor, id, version, entry);
		return RegisterPages.done(redirect, "registers.changed", "/registers/events");
	}

	@GetMapping("/registers/events/{id}/delete")
	String confirmDeletion(Actor actor, @PathVariable EventId id, Model model) {
		return RegisterPages.delete(model, events.removal(actor, id));
	}

	@Requires({ Action.SUBMIT_PLAN_REPORTS, Action.MANAGE_ACTION_PLANS })
	@PostMapping("/registers/events/{id}/delete")
	String delete(Actor actor, @PathVariable EventId id, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		events.delete(actor, id, version);
		return RegisterPages.done(redirect, "registers.deleted", "/registers/events");
	}

}
