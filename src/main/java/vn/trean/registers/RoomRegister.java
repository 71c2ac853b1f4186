package vn.trean.registers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.identity.Actor;
import vn.trean.registers.RoomPolicy.NewRoom;
import vn.trean.registers.RoomPolicy.RoomEntry;

/**
 * The register of rooms for interviewing children: listing, adding, correcting, deleting.
 */
@Service
@Transactional
class RoomRegister implements RecordRegister<RoomId, InterviewRoom, RoomEntry> {

	private static final String REGISTER = "INTERVIEW_ROOM";

	private final RoomRecords records;

	private final Registers registers;

	RoomRegister(RoomRecords records, Registers registers) {
		this.records = records;
		this.registers = registers;
	}

	@Override
	@Transactional(readOnly = true)
	public Listing<InterviewRoom> listing(Actor actor, int page) {
		return registers.listing(actor.signedIn(), page, RoomRecords.TABLE, records::rooms);
	}

	@Override
	@Transactional(readOnly = true)
	public InterviewRoom record(Actor actor, RoomId id) {
		return registers.writable(actor.signedIn(), records.room(id), InterviewRoom::unit, what(id));
	}

	@Override
	public RoomEntry entry(InterviewRoom room) {
		return RoomEntry.of(room);
	}

	@Override
	public long add(Actor actor, RoomEntry entry) {
		NewRoom room = registers.enter(actor, entry.unit(), in -> RoomPolicy.room(entry, in.today(), in.units()));
		long id = records.insert(room, actor.name(), registers.now());
		registers.audit(actor, REGISTER, "ADDED", id,
				"unit=" + registers.code(room.unit()) + " childFriendly=" + room.childFriendly());
		return id;
	}

	@Override
	public void change(Actor actor, RoomId id, String version, RoomEntry entry) {
		InterviewRoom was = record(actor, id);
		NewRoom room = registers.correct(actor, entry.unit(), version, was.version(), what(id),
				in -> RoomPolicy.room(entry, in.today(), in.units()), r -> records.update(id, was.version(), r));
		registers.audit(actor, REGISTER, "CHANGED", id.value(), "unit=" + registers.code(was.unit()) + "->"
				+ registers.code(room.unit()) + " childFriendly=" + was.childFriendly() + "->" + room.childFriendly());
	}

	@Override
	@Transactional(readOnly = true)
	public Removal removal(Actor actor, RoomId id) {
		InterviewRoom room = record(actor, id);
		return Removal.plain(REGISTER, id.value(), room.version(), room.name(), registers.name(room.unit()),
				"/registers/rooms", "/registers/rooms/" + id.value() + "/delete");
	}

	@Override
	public void delete(Actor actor, RoomId id, String version) {
		InterviewRoom room = record(actor, id);
		Registers.remove(version, room.version(), what(id), () -> records.delete(id, room.version()));
		registers.audit(actor, REGISTER, "DELETED", id.value(),
				"unit=" + registers.code(room.unit()) + " childFriendly=" + room.childFriendly());
	}

	private static String what(RoomId id) {
		return "interview room " + id.value();
	}

}
