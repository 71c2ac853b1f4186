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
class EventRegister implements RecordRegister<EventId, CommunicationEvent, EventEntry> {

	private static final String REGISTER = "COMMUNICATION_EVENT";

	private final EventRecords records;

	private final Registers registers;

	EventRegister(EventRecords records, Registers registers) {
		this.records = records;
		this.registers = registers;
	}

	@Override
	@Transactional(readOnly = true)
	public Listing<CommunicationEvent> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, EventRecords.TABLE, records::events);
	}

	@Override
	@Transactional(readOnly = true)
	public CommunicationEvent record(Actor actor, EventId id) {
		return registers.writable(actor.signedIn(), records.event(id), CommunicationEvent::unit, what(id));
	}

	/** An event as its edit form shows it, with its household codes one a line. */
	@Override
	@Transactional(readOnly = true)
	public EventEntry entry(CommunicationEvent event) {
		return EventEntry.of(event, records.households(new EventId(event.id())));
	}

	@Override
	public long add(Actor actor, EventEntry entry) {
		NewEvent event = registers.enter(actor, entry.unit(),
				in -> EventPolicy.event(entry, in.today(), in.units(), in.locale()));
		long id = records.insert(event, actor.name(), registers.now());
		registers.audit(actor, REGISTER, "ADDED", id, "unit=" + registers.code(event.unit()) + " reach=" + event.reach()
				+ " households=" + event.households().size());
		return id;
	}

	@Override
	public void change(Actor actor, EventId id, String version, EventEntry entry) {
		CommunicationEvent was = record(actor, id);
		NewEvent event = registers.correct(actor, entry.unit(), version, was.version(), what(id),
				in -> EventPolicy.event(entry, in.today(), in.units(), in.locale()),
				e -> records.update(id, was.version(), e));
		registers.audit(actor, REGISTER, "CHANGED", id.value(),
				"unit=" + registers.code(was.unit()) + "->" + registers.code(event.unit()) + " reach=" + event.reach()
						+ " households=" + event.households().size());
	}

	@Override
	@Transactional(readOnly = true)
	public Removal removal(Actor actor, EventId id) {
		CommunicationEvent event = record(actor, id);
		return new Removal(REGISTER, id.value(), event.version(), event.type(), registers.name(event.unit()),
				"registers.delete.with-households", event.households(), List.of(), "/registers/events",
				"/registers/events/" + id.value() + "/delete");
	}

	@Override
	public void delete(Actor actor, EventId id, String version) {
		CommunicationEvent event = record(actor, id);
		Registers.remove(version, event.version(), what(id), () -> records.delete(id, event.version()));
		registers.audit(actor, REGISTER, "DELETED", id.value(), "unit=" + registers.code(event.unit()) + " reach="
				+ event.reach() + " households=" + event.households());
	}

	private static String what(EventId id) {
		return "communication event " + id.value();
	}

}
