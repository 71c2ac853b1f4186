package vn.trean.registers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.trean.registers.EventPolicy.EventEntry;
import vn.trean.registers.RegisterPages.EditPage;

/** The communication events' pages (those of {@link RecordPages}). */
@Controller
@RequestMapping("/registers/{register:events}")
class EventController extends RecordPages<EventId, CommunicationEvent, EventEntry> {

	EventController(EventRegister events, Registers registers) {
		super(events, registers, EventEntry.class, EventEntry.blank(), "registers/events",
				new EditPage("event", "registers.events.edit", "/registers/events", "registers.events"));
	}

}
