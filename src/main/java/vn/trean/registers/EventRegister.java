package vn.trean.registers;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Actor;
import vn.trean.registers.EventPolicy.EventEntry;
import vn.trean.registers.EventPolicy.NewEvent;

/**
 * The register of communication events with the households they reached: listing, adding,
 * correcting (its households replaced), deleting (with its households).
 */
@Service
@Transactional
class EventRegister {

	private static final String REGISTER = "COMMUNICATION_EVENT";

	private final EventRecords records;

	private final Registers registers;

	EventRegister(EventRecords records, Registers registers) {
		this.records = records;
		this.registers = registers;
	}

	@Transactional(readOnly = true)
	Listing<CommunicationEvent> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, EventRecords.TABLE, records::events);
	}

	/** An event the user may correct or delete: 404 when unknown, 403 when not theirs. */
	@Transactional(readOnly = true)
	CommunicationEvent event(Actor actor, EventId id) {
		return registers.writable(actor.signedIn(), records.event(id), CommunicationEvent::unit, what(id));
	}

	/** An event as its edit form shows it, with its household codes one a line. */
	@Transactional(readOnly = true)
	EventEntry entry(Actor actor, EventId id) {
		return EventEntry.of(event(actor, id), records.households(id));
	}

	long add(Actor actor, EventEntry entry) {
		NewEvent event = registers.enter(actor, entry.unit(), in -> EventPolicy.event(entry, in.today(), in.units()));
		long id = records.insert(event, actor.name(), registers.now());
		registers.audit(actor, REGISTER, "ADDED", id, "unit=" + registers.code(event.unit()) + " reach=" + event.reach()
				+ " households=" + event.households().size());
		return id;
	}

	void change(Actor actor, EventId id, String version, EventEntry entry) {
		CommunicationEvent was = event(actor, id);
		NewEvent event = registers.correct(actor, entry.unit(), version, was.version(), what(id),
				in -> EventPolicy.event(entry, in.today(), in.units()), e -> records.update(id, was.version(), e));
		registers.audit(actor, REGISTER, "CHANGED", id.value(),
				"unit=" + registers.code(was.unit()) + "->" + registers.code(event.unit()) + " reach=" + event.reach()
						+ " households=" + event.households().size());
	}

	@Transactional(readOnly = true)
	Removal removal(Actor actor, EventId id) {
		CommunicationEvent event = event(actor, id);
		return new Removal(REGISTER, id.value(), event.version(), event.type(), registers.name(event.unit()),
				"registers.delete.with-households", event.households(), List.of(), "/registers/events",
				"/registers/events/" + id.value() + "/delete");
	}

	void delete(Actor actor, EventId id, String version) {
		CommunicationEvent event = event(actor, id);
		Registers.remove(version, event.version(), what(id), () -> records.delete(id, event.version()));
		registers.audit(actor, REGISTER, "DELETED", id.value(), "unit=" + registers.code(event.unit()) + " reach="
				+ event.reach() + " households=" + event.households());
	}

	private static String what(EventId id) {
		return "communication event " + id.value();
	}

}
