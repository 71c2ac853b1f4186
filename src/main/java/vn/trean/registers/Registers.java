package vn.trean.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.AgencyLookup.AgencySummary;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.registers.RegisterPolicy.UnitStanding;
import vn.trean.registers.RegisterPolicy.Verdict;
import vn.trean.shared.AgencyId;

/**
 * Reading the registers of the user's area, adding to them, and correcting and deleting
 * their records. Reading needs {@code VIEW_STATISTICS} at the unit shown; adding,
 * correcting and deleting need {@code SUBMIT_PLAN_REPORTS} or {@code MANAGE_ACTION_PLANS}
 * at the record's unit (and at the unit it is moved to), all asked of
 * {@link Authorization}. Every write is one transaction with its audit entry.
 */
@Service
@Transactional
class Registers {

	private final RegisterRepository registers;

	private final RegisterCounts counts;

	private final Authorization authorization;

	private final Geography geography;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registers(RegisterRepository registers, RegisterCounts counts, Authorization authorization, Geography geography,
			Directory directory, ApplicationEventPublisher events, Clock clock) {
		this.registers = registers;
		this.counts = counts;
		this.authorization = authorization;
		this.geography = geography;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading ----

	/** The overview: every count of a unit's subtree for a year. */
	record Overview(AdministrativeUnit unit, int year, RegisterCounts.Figures figures, List<Integer> years,
			List<AdministrativeUnit> units, boolean mayWrite) {
	}

	@Transactional(readOnly = true)
	Overview overview(CurrentUser me, String unitText, String yearText) {
		UnitId unit = viewedUnit(me, unitText);
		int thisYear = today().getYear();
		int year = thisYear;
		if (yearText != null && yearText.strip().matches("\\d{4}")) {
			year = Math.min(Math.max(Integer.parseInt(yearText.strip()), 2000), thisYear);
		}
		List<Integer> years = IntStream.rangeClosed(2020, thisYear).boxed().sorted((a, b) -> b - a).toList();
		return new Overview(geography.get(unit), year, counts.counts(unit, year), years,
				geography.currentUnitsWithin(me.jurisdiction()), !writableUnits(me).isEmpty());
	}

	/** The records behind one count of the overview. */
	record Trace(AdministrativeUnit unit, int year, RegisterCounts.Count count,
			List<RegisterCounts.TracedRecord> records) {
	}

	@Transactional(readOnly = true)
	Trace trace(CurrentUser me, String unitText, String yearText, String countText) {
		Overview overview = overview(me, unitText, yearText);
		RegisterCounts.Count count;
		try {
			count = RegisterCounts.Count.valueOf(countText);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UnknownRegisterRecord("count " + countText);
		}
		return new Trace(overview.unit(), overview.year(), count,
				counts.trace(overview.unit().id(), overview.year(), count));
	}

	/**
	 * One page of a list: its number (from 1, within the pages there are), its size and
	 * the number of records in all pages.
	 */
	record Page(int number, int size, long total) {

		/** The page asked for, moved to the first or last page when outside them. */
		static Page of(int asked, int size, long total) {
			int last = (int) Math.max(1, (total + size - 1) / size);
			return new Page(Math.min(Math.max(asked, 1), last), size, total);
		}

		int offset() {
			return (number - 1) * size;
		}

		/** The position of the page's first record, from 1 (0 when there is none). */
		public long from() {
			return total == 0 ? 0 : offset() + 1L;
		}

		public long to() {
			return Math.min(total, (long) number * size);
		}

		public boolean hasPrevious() {
			return number > 1;
		}

		public boolean hasNext() {
			return (long) number * size < total;
		}

	}

	/** One register's records in the user's area, with what its form needs. */
	record Listing<T>(List<T> records, Page page, Map<UnitId, String> unitNames, Set<UnitId> formerUnits,
			List<AdministrativeUnit> writableUnits) {

		/**
		 * Whether the unit is a unit of before a reorganisation (an old commune merged
		 * into the user's): its records are listed, read-only, under the name of their
		 * time.
		 */
		public boolean former(UnitId unit) {
			return formerUnits.contains(unit);
		}

		public boolean mayWrite() {
			return !writableUnits.isEmpty();
		}

		public String unitName(UnitId unit) {
			return unitNames.getOrDefault(unit, String.valueOf(unit));
		}

		/** Whether the user may correct and delete the unit's records. */
		public boolean mayChange(UnitId unit) {
			return writableUnits.stream().anyMatch(u -> u.id().equals(unit));
		}

	}

	@Transactional(readOnly = true)
	Listing<WorkforceMember> workforce(CurrentUser me, int page) {
		return listing(me, page, RegisterRepository.Table.WORKFORCE_MEMBER, registers::members);
	}

	@Transactional(readOnly = true)
	Listing<Training> trainings(CurrentUser me, int page) {
		return listing(me, page, RegisterRepository.Table.TRAINING, registers::trainings);
	}

	@Transactional(readOnly = true)
	Listing<CommunicationEvent> events(CurrentUser me, int page) {
		return listing(me, page, RegisterRepository.Table.COMMUNICATION_EVENT, registers::events);
	}

	@Transactional(readOnly = true)
	Listing<Facility> facilities(CurrentUser me, int page) {
		return listing(me, page, RegisterRepository.Table.FACILITY, registers::facilities);
	}

	@Transactional(readOnly = true)
	Listing<InterviewRoom> rooms(CurrentUser me, int page) {
		return listing(me, page, RegisterRepository.Table.INTERVIEW_ROOM, registers::rooms);
	}

	/**
	 * The roster of a unit (and the units under it) a training's participants come from.
	 */
	@Transactional(readOnly = true)
	List<WorkforceMember> roster(CurrentUser me, UnitId unit, Collection<String> chosen) {
		requireWrite(me, unit);
		Set<UnitId> units = geography.unitsWithin(unit);
		List<WorkforceMember> roster = new ArrayList<>(registers.members(units, 0));
		// the first page of the roster, and every member the form lists even beyond it,
		// so
		// a correction never drops a participant it could not show
		Set<Long> shown = new java.util.HashSet<>();
		roster.forEach(m -> shown.add(m.id()));
		List<Long> missing = chosen == null ? List.of()
				: chosen.stream()
					.filter(text -> text != null && text.strip().matches("[0-9]{1,18}"))
					.map(text -> Long.parseLong(text.strip()))
					.filter(id -> !shown.contains(id))
					.distinct()
					.toList();
		if (!missing.isEmpty()) {
			registers.membersById(missing).stream().filter(m -> units.contains(m.unit())).forEach(roster::add);
		}
		return roster;
	}

	@Transactional(readOnly = true)
	AdministrativeUnit writableUnit(CurrentUser me, String unitText) {
		UnitId unit = parse(unitText).filter(u -> geography.find(u).isPresent())
			.orElseThrow(() -> new UnknownRegisterRecord("unit " + unitText));
		requireWrite(me, unit);
		return geography.get(unit);
	}

	@Transactional(readOnly = true)
	Facility facility(CurrentUser me, long id) {
		Facility facility = registers.facility(id).orElseThrow(() -> new UnknownRegisterRecord("facility " + id));
		requireWrite(me, facility.unit());
		return facility;
	}

	/** The agencies of the user's province a workforce member may work for. */
	@Transactional(readOnly = true)
	List<AgencySummary> agencies(CurrentUser me) {
		return directory.locatedIn(geography.unitsWithin(geography.provinceOf(me.jurisdiction())));
	}

	/**
	 * The units in force under the user's jurisdiction where the user may add records.
	 */
	@Transactional(readOnly = true)
	List<AdministrativeUnit> writableUnits(CurrentUser me) {
		if (!authorization.permitsSomewhere(me, Action.SUBMIT_PLAN_REPORTS)
				&& !authorization.permitsSomewhere(me, Action.MANAGE_ACTION_PLANS)) {
			return List.of();
		}
		return geography.currentUnitsWithin(me.jurisdiction()).stream().filter(u -> mayWrite(me, u.id())).toList();
	}

	// ---- writing ----

	long addMember(CurrentUser me, RegisterPolicy.MemberEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		Verdict<RegisterPolicy.NewMember> verdict = RegisterPolicy.member(entry, standing(me), agencyInProvince(me));
		RegisterPolicy.NewMember member = accepted(verdict);
		long id = registers.insert(member, me.username(), clock.instant());
		audit(me, "WORKFORCE_MEMBER", id, "unit=" + code(member.unit()) + " role=" + member.role(), clientAddress);
		return id;
	}

	long addTraining(CurrentUser me, RegisterPolicy.TrainingEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		Verdict<RegisterPolicy.NewTraining> verdict = RegisterPolicy.training(entry, today(), standing(me),
				rosterOf(parse(entry.unit())));
		RegisterPolicy.NewTraining training = accepted(verdict);
		long id = listing(() -> registers.insert(training, me.username(), clock.instant()));
		audit(me, "TRAINING", id, "unit=" + code(training.unit()) + " kind=" + training.kind() + " roster="
				+ training.participants().size(), clientAddress);
		return id;
	}

	long addEvent(CurrentUser me, RegisterPolicy.EventEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		RegisterPolicy.NewEvent event = accepted(RegisterPolicy.event(entry, today(), standing(me)));
		long id = registers.insert(event, me.username(), clock.instant());
		audit(me, "COMMUNICATION_EVENT", id,
				"unit=" + code(event.unit()) + " reach=" + event.reach() + " households=" + event.households().size(),
				clientAddress);
		return id;
	}

	long addFacility(CurrentUser me, RegisterPolicy.FacilityEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		RegisterPolicy.NewFacility facility = accepted(RegisterPolicy.facility(entry, today(), standing(me)));
		long id = registers.insert(facility, me.username(), clock.instant());
		audit(me, "FACILITY", id,
				"unit=" + code(facility.unit()) + " kind=" + facility.kind() + " checked=" + (facility.check() != null),
				clientAddress);
		return id;
	}

	void addCheck(CurrentUser me, long facilityId, String checkedOn, List<String> items, String clientAddress) {
		Facility facility = facility(me, facilityId);
		RegisterPolicy.FacilityCheck check = accepted(RegisterPolicy.check(facility.kind(), checkedOn, items, today()));
		registers.insertCheck(facility.id(), facility.kind(), check, me.username(), clock.instant());
		events.publishEvent(new RegisterChanged(me.username(), "FACILITY_CHECKED", "FACILITY", facility.id(),
				"on=" + check.checkedOn() + " items=" + check.items(), clientAddress, clock.instant()));
	}

	long addRoom(CurrentUser me, RegisterPolicy.RoomEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		RegisterPolicy.NewRoom room = accepted(RegisterPolicy.room(entry, today(), standing(me)));
		long id = registers.insert(room, me.username(), clock.instant());
		audit(me, "INTERVIEW_ROOM", id, "unit=" + code(room.unit()) + " childFriendly=" + room.childFriendly(),
				clientAddress);
		return id;
	}

	// ---- correcting and deleting ----

	/**
	 * What a deletion's confirmation page shows: the record, what is deleted with it, and
	 * the trainings that stop a workforce member from being deleted.
	 *
	 * @param goesWith the message key of what is deleted with the record (with
	 * {@code goesWithCount}), or null
	 */
	record Removal(String register, long id, int version, String label, String unitName, String goesWith,
			int goesWithCount, List<RegisterRepository.Participation> blockers, String list, String action) {

		public boolean blocked() {
			return !blockers.isEmpty();
		}

	}

	/** A training as its edit form shows it: the roster linked and the counts typed. */
	record TrainingRecord(Training training, List<Long> participants, Map<String, String> counts) {
	}

	/** An event as its edit form shows it, with its household codes one a line. */
	record EventRecord(CommunicationEvent event, String households) {
	}

	// workforce

	/** A member the user may correct or delete: 404 when unknown, 403 when not theirs. */
	@Transactional(readOnly = true)
	WorkforceMember member(CurrentUser me, long id) {
		WorkforceMember member = registers.member(id)
			.orElseThrow(() -> new UnknownRegisterRecord("workforce member " + id));
		requireWrite(me, member.unit());
		return member;
	}

	void changeMember(CurrentUser me, long id, String version, RegisterPolicy.MemberEntry entry, String clientAddress) {
		WorkforceMember was = member(me, id);
		requireWriteIfKnown(me, entry.unit());
		requireVersion(version, was.version());
		List<RegisterRepository.Participation> trainings = registers.participations(id);
		RegisterPolicy.NewMember member = accepted(RegisterPolicy.memberChange(entry, standing(me),
				agencyInProvince(me), unit -> trainings.stream().allMatch(t -> geography.contains(t.unit(), unit))));
		if (!registers.update(id, was.version(), member)) {
			throw new RegisterRecordChanged();
		}
		audit(me, "WORKFORCE_MEMBER", "CHANGED", id,
				"unit=" + code(was.unit()) + "->" + code(member.unit()) + " role=" + was.role() + "->" + member.role(),
				clientAddress);
	}

	@Transactional(readOnly = true)
	Removal memberRemoval(CurrentUser me, long id) {
		WorkforceMember member = member(me, id);
		return new Removal("WORKFORCE_MEMBER", id, member.version(), member.fullName(), name(member.unit()), null, 0,
				registers.participations(id), "/registers/workforce", "/registers/workforce/" + id + "/delete");
	}

	/**
	 * Saves a training's participant links; a member deleted from the roster after the
	 * form was checked (by another user, in the moment between) refuses the form as a
	 * member not on the roster would be, and nothing is saved.
	 */
	private static <T> T listing(java.util.function.Supplier<T> save) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidRegisterInput(
					new vn.trean.shared.FormErrors().reject("participants", "registers.training.unknown-member"));
		}
	}

	/** Deletes a member no training lists; one a training lists is refused (409). */
	void deleteMember(CurrentUser me, long id, String version, String clientAddress) {
		WorkforceMember member = member(me, id);
		requireVersion(version, member.version());
		Verdict<Void> removable = RegisterPolicy.memberRemoval(registers.participations(id).size());
		if (!removable.allowed()) {
			throw new RegisterRecordInUse(removable.errors());
		}
		boolean deleted;
		try {
			deleted = registers.deleteMember(id, member.version());
		}
		catch (DataIntegrityViolationException ex) {
			// a training listed the member between the check and the deletion
			throw new RegisterRecordInUse(RegisterPolicy.memberRemoval(1).errors());
		}
		if (!deleted) {
			throw new RegisterRecordChanged();
		}
		audit(me, "WORKFORCE_MEMBER", "DELETED", id, "unit=" + code(member.unit()) + " role=" + member.role(),
				clientAddress);
	}

	// trainings

	@Transactional(readOnly = true)
	Training training(CurrentUser me, long id) {
		Training training = registers.training(id).orElseThrow(() -> new UnknownRegisterRecord("training " + id));
		requireWrite(me, training.unit());
		return training;
	}

	/**
	 * A training with the roster members linked to it, and the counts by role and sex
	 * only when they say more than those members (people not on the roster), so a form
	 * left as it is saves the training as it was.
	 */
	@Transactional(readOnly = true)
	TrainingRecord trainingRecord(CurrentUser me, long id) {
		Training training = training(me, id);
		List<Long> participants = registers.participants(id);
		Map<WorkforceRole, Map<Sex, Integer>> tally = registers.tally(id);
		Map<WorkforceRole, Map<Sex, Integer>> fromRoster = new EnumMap<>(WorkforceRole.class);
		for (long participant : participants) {
			registers.member(participant)
				.ifPresent(m -> fromRoster.computeIfAbsent(m.role(), r -> new EnumMap<>(Sex.class))
					.merge(m.sex(), 1, Integer::sum));
		}
		Map<String, String> counts = new HashMap<>();
		if (!withoutZeros(tally).equals(withoutZeros(fromRoster))) {
			tally.forEach((role, bySex) -> bySex
				.forEach((sex, n) -> counts.put(RegisterPolicy.countField(role, sex), Integer.toString(n))));
		}
		return new TrainingRecord(training, participants, counts);
	}

	/**
	 * Corrects a training by the rules of a new one; its unit stays (its participants
	 * come from that unit's roster).
	 */
	void changeTraining(CurrentUser me, long id, String version, RegisterPolicy.TrainingEntry entry,
			String clientAddress) {
		Training was = training(me, id);
		requireVersion(version, was.version());
		RegisterPolicy.TrainingEntry sameUnit = new RegisterPolicy.TrainingEntry(was.unit().toString(), entry.heldOn(),
				entry.topic(), entry.organiser(), entry.kind(), entry.participants(), entry.counts());
		RegisterPolicy.NewTraining training = accepted(
				RegisterPolicy.training(sameUnit, today(), standing(me), rosterOf(Optional.of(was.unit()))));
		if (!listing(() -> registers.update(id, was.version(), training))) {
			throw new RegisterRecordChanged();
		}
		audit(me, "TRAINING", "CHANGED", id, "unit=" + code(was.unit()) + " kind=" + training.kind() + " roster="
				+ was.fromRoster() + "->" + training.participants().size(), clientAddress);
	}

	@Transactional(readOnly = true)
	Removal trainingRemoval(CurrentUser me, long id) {
		Training training = training(me, id);
		return new Removal("TRAINING", id, training.version(), training.topic(), name(training.unit()),
				"registers.delete.with-participants", training.fromRoster(), List.of(), "/registers/trainings",
				"/registers/trainings/" + id + "/delete");
	}

	/** Deletes a training with its counts and participant links. */
	void deleteTraining(CurrentUser me, long id, String version, String clientAddress) {
		Training training = training(me, id);
		requireVersion(version, training.version());
		if (!registers.deleteTraining(id, training.version())) {
			throw new RegisterRecordChanged();
		}
		audit(me, "TRAINING", "DELETED", id,
				"unit=" + code(training.unit()) + " kind=" + training.kind() + " roster=" + training.fromRoster(),
				clientAddress);
	}

	// communication events

	@Transactional(readOnly = true)
	CommunicationEvent event(CurrentUser me, long id) {
		CommunicationEvent event = registers.event(id)
			.orElseThrow(() -> new UnknownRegisterRecord("communication event " + id));
		requireWrite(me, event.unit());
		return event;
	}

	@Transactional(readOnly = true)
	EventRecord eventRecord(CurrentUser me, long id) {
		return new EventRecord(event(me, id), String.join("\n", registers.households(id)));
	}

	void changeEvent(CurrentUser me, long id, String version, RegisterPolicy.EventEntry entry, String clientAddress) {
		CommunicationEvent was = event(me, id);
		requireWriteIfKnown(me, entry.unit());
		requireVersion(version, was.version());
		RegisterPolicy.NewEvent event = accepted(RegisterPolicy.event(entry, today(), standing(me)));
		if (!registers.update(id, was.version(), event)) {
			throw new RegisterRecordChanged();
		}
		audit(me, "COMMUNICATION_EVENT", "CHANGED", id, "unit=" + code(was.unit()) + "->" + code(event.unit())
				+ " reach=" + event.reach() + " households=" + event.households().size(), clientAddress);
	}

	@Transactional(readOnly = true)
	Removal eventRemoval(CurrentUser me, long id) {
		CommunicationEvent event = event(me, id);
		return new Removal("COMMUNICATION_EVENT", id, event.version(), event.type(), name(event.unit()),
				"registers.delete.with-households", event.households(), List.of(), "/registers/events",
				"/registers/events/" + id + "/delete");
	}

	void deleteEvent(CurrentUser me, long id, String version, String clientAddress) {
		CommunicationEvent event = event(me, id);
		requireVersion(version, event.version());
		if (!registers.deleteEvent(id, event.version())) {
			throw new RegisterRecordChanged();
		}
		audit(me, "COMMUNICATION_EVENT", "DELETED", id,
				"unit=" + code(event.unit()) + " reach=" + event.reach() + " households=" + event.households(),
				clientAddress);
	}

	// facilities and their checks

	@Transactional(readOnly = true)
	List<CapacityCheck> checks(CurrentUser me, long facilityId) {
		return registers.checks(facility(me, facilityId).id());
	}

	void changeFacility(CurrentUser me, long id, String version, RegisterPolicy.FacilityEntry entry,
			String clientAddress) {
		Facility was = facility(me, id);
		requireWriteIfKnown(me, entry.unit());
		requireVersion(version, was.version());
		RegisterPolicy.NewFacility facility = accepted(RegisterPolicy.facilityChange(entry, today(), standing(me),
				was.kind(), !registers.checks(id).isEmpty()));
		if (!registers.update(id, was.version(), facility)) {
			throw new RegisterRecordChanged();
		}
		audit(me, "FACILITY", "CHANGED", id,
				"unit=" + code(was.unit()) + "->" + code(facility.unit()) + " kind=" + facility.kind(), clientAddress);
	}

	@Transactional(readOnly = true)
	Removal facilityRemoval(CurrentUser me, long id) {
		Facility facility = facility(me, id);
		return new Removal("FACILITY", id, facility.version(), facility.name(), name(facility.unit()),
				"registers.delete.with-checks", registers.checks(id).size(), List.of(), "/registers/facilities",
				"/registers/facilities/" + id + "/delete");
	}

	/** Deletes a facility with its checks. */
	void deleteFacility(CurrentUser me, long id, String version, String clientAddress) {
		Facility facility = facility(me, id);
		requireVersion(version, facility.version());
		int checks = registers.checks(id).size();
		if (!registers.deleteFacility(id, facility.version())) {
			throw new RegisterRecordChanged();
		}
		audit(me, "FACILITY", "DELETED", id,
				"unit=" + code(facility.unit()) + " kind=" + facility.kind() + " checks=" + checks, clientAddress);
	}

	@Transactional(readOnly = true)
	CapacityCheck check(CurrentUser me, long facilityId, long checkId) {
		Facility facility = facility(me, facilityId);
		return registers.check(facility.id(), checkId)
			.orElseThrow(() -> new UnknownRegisterRecord("check " + checkId + " of facility " + facilityId));
	}

	void changeCheck(CurrentUser me, long facilityId, long checkId, String version, String checkedOn,
			List<String> items, String clientAddress) {
		Facility facility = facility(me, facilityId);
		CapacityCheck was = check(me, facilityId, checkId);
		requireVersion(version, was.version());
		RegisterPolicy.FacilityCheck check = accepted(RegisterPolicy.check(facility.kind(), checkedOn, items, today()));
		if (!registers.updateCheck(checkId, was.version(), facility.kind(), check)) {
			throw new RegisterRecordChanged();
		}
		audit(me, "FACILITY", "CHECK_CHANGED", facilityId,
				"check=" + checkId + " on=" + was.checkedOn() + "->" + check.checkedOn() + " items=" + check.items(),
				clientAddress);
	}

	@Transactional(readOnly = true)
	Removal checkRemoval(CurrentUser me, long facilityId, long checkId) {
		Facility facility = facility(me, facilityId);
		CapacityCheck check = check(me, facilityId, checkId);
		String path = "/registers/facilities/" + facilityId;
		return new Removal("FACILITY_CHECK", checkId, check.version(), facility.name(), name(facility.unit()), null, 0,
				List.of(), path + "/edit", path + "/checks/" + checkId + "/delete");
	}

	void deleteCheck(CurrentUser me, long facilityId, long checkId, String version, String clientAddress) {
		CapacityCheck check = check(me, facilityId, checkId);
		requireVersion(version, check.version());
		if (!registers.deleteCheck(checkId, check.version())) {
			throw new RegisterRecordChanged();
		}
		audit(me, "FACILITY", "CHECK_DELETED", facilityId, "check=" + checkId + " on=" + check.checkedOn(),
				clientAddress);
	}

	// interview rooms

	@Transactional(readOnly = true)
	InterviewRoom room(CurrentUser me, long id) {
		InterviewRoom room = registers.room(id).orElseThrow(() -> new UnknownRegisterRecord("interview room " + id));
		requireWrite(me, room.unit());
		return room;
	}

	void changeRoom(CurrentUser me, long id, String version, RegisterPolicy.RoomEntry entry, String clientAddress) {
		InterviewRoom was = room(me, id);
		requireWriteIfKnown(me, entry.unit());
		requireVersion(version, was.version());
		RegisterPolicy.NewRoom room = accepted(RegisterPolicy.room(entry, today(), standing(me)));
		if (!registers.update(id, was.version(), room)) {
			throw new RegisterRecordChanged();
		}
		audit(me, "INTERVIEW_ROOM", "CHANGED", id, "unit=" + code(was.unit()) + "->" + code(room.unit())
				+ " childFriendly=" + was.childFriendly() + "->" + room.childFriendly(), clientAddress);
	}

	@Transactional(readOnly = true)
	Removal roomRemoval(CurrentUser me, long id) {
		InterviewRoom room = room(me, id);
		return new Removal("INTERVIEW_ROOM", id, room.version(), room.name(), name(room.unit()), null, 0, List.of(),
				"/registers/rooms", "/registers/rooms/" + id + "/delete");
	}

	void deleteRoom(CurrentUser me, long id, String version, String clientAddress) {
		InterviewRoom room = room(me, id);
		requireVersion(version, room.version());
		if (!registers.deleteRoom(id, room.version())) {
			throw new RegisterRecordChanged();
		}
		audit(me, "INTERVIEW_ROOM", "DELETED", id,
				"unit=" + code(room.unit()) + " childFriendly=" + room.childFriendly(), clientAddress);
	}

	// ---- rules ----

	/** Refuses (409) a form read at another version of the record. */
	private static void requireVersion(String typed, int current) {
		if (!RegisterPolicy.sameVersion(typed, current)) {
			throw new RegisterRecordChanged();
		}
	}

	/**
	 * The roster entry of a member on the roster of the unit or a unit under it, for a
	 * training's participants.
	 */
	private Function<Long, Optional<RegisterPolicy.RosterEntry>> rosterOf(Optional<UnitId> unit) {
		return id -> registers.member(id)
			.filter(m -> unit.isPresent() && geography.contains(unit.get(), m.unit()))
			.map(m -> new RegisterPolicy.RosterEntry(m.id(), m.role(), m.sex()));
	}

	private Predicate<AgencyId> agencyInProvince(CurrentUser me) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		return agency -> directory.find(agency).filter(a -> geography.contains(province, a.unit())).isPresent();
	}

	private static Map<WorkforceRole, Map<Sex, Integer>> withoutZeros(Map<WorkforceRole, Map<Sex, Integer>> tally) {
		Map<WorkforceRole, Map<Sex, Integer>> result = new EnumMap<>(WorkforceRole.class);
		tally.forEach((role, bySex) -> bySex.forEach((sex, n) -> {
			if (n > 0) {
				result.computeIfAbsent(role, r -> new EnumMap<>(Sex.class)).put(sex, n);
			}
		}));
		return result;
	}

	private boolean mayWrite(CurrentUser me, UnitId unit) {
		ResourceScope scope = ResourceScope.at(unit);
		return authorization.decide(me, Action.SUBMIT_PLAN_REPORTS, scope).allowed()
				|| authorization.decide(me, Action.MANAGE_ACTION_PLANS, scope).allowed();
	}

	/** Refuses (403) unless the user may add records at the unit. */
	private void requireWrite(CurrentUser me, UnitId unit) {
		if (!mayWrite(me, unit)) {
			Action asked = authorization.permitsSomewhere(me, Action.MANAGE_ACTION_PLANS) ? Action.MANAGE_ACTION_PLANS
					: Action.SUBMIT_PLAN_REPORTS;
			authorization.require(me, asked, ResourceScope.at(unit));
		}
	}

	/**
	 * Authorization comes first: a user who may add records nowhere is refused whatever
	 * the unit, anyone else at a unit that exists; a malformed or unknown unit is left to
	 * the policy (a translated 422).
	 */
	private void requireWriteIfKnown(CurrentUser me, String unitText) {
		if (!authorization.permitsSomewhere(me, Action.MANAGE_ACTION_PLANS)) {
			authorization.requireSomewhere(me, Action.SUBMIT_PLAN_REPORTS);
		}
		parse(unitText).filter(u -> geography.find(u).isPresent()).ifPresent(u -> requireWrite(me, u));
	}

	private Function<UnitId, UnitStanding> standing(CurrentUser me) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		return unit -> geography.find(unit)
			.map(u -> !u.current() ? UnitStanding.UNKNOWN
					: geography.contains(province, unit) ? UnitStanding.USABLE : UnitStanding.OUTSIDE_PROVINCE)
			.orElse(UnitStanding.UNKNOWN);
	}

	private UnitId viewedUnit(CurrentUser me, String unitText) {
		UnitId unit = unitText == null || unitText.isBlank() ? me.jurisdiction()
				: parse(unitText).filter(u -> geography.find(u).isPresent())
					.orElseThrow(() -> new UnknownRegisterRecord("unit " + unitText));
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(unit));
		return unit;
	}

	/**
	 * A register's records of the user's jurisdiction and of the old communes merged
	 * whole into its communes ({@link Geography#unitsListedFor}). Records of old units
	 * keep their unit and are not changed from here.
	 */
	private <T> Listing<T> listing(CurrentUser me, int page, RegisterRepository.Table table,
			java.util.function.BiFunction<Set<UnitId>, Integer, List<T>> rows) {
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(me.jurisdiction()));
		Set<UnitId> units = geography.unitsListedFor(me.jurisdiction());
		Page shown = Page.of(page, RegisterRepository.PAGE_SIZE, registers.count(table, units));
		Map<UnitId, String> names = new HashMap<>(geography.currentNamesAround(me.jurisdiction()));
		Set<UnitId> former = new java.util.HashSet<>();
		for (UnitId unit : units) {
			if (!names.containsKey(unit)) {
				names.put(unit, name(unit));
				former.add(unit);
			}
		}
		return new Listing<>(rows.apply(units, shown.offset()), shown, names, former, writableUnits(me));
	}

	private static <T> T accepted(Verdict<T> verdict) {
		if (!verdict.allowed()) {
			throw new InvalidRegisterInput(verdict.errors());
		}
		return verdict.value();
	}

	private void audit(CurrentUser me, String register, long id, String detail, String clientAddress) {
		audit(me, register, "ADDED", id, detail, clientAddress);
	}

	private void audit(CurrentUser me, String register, String change, long id, String detail, String clientAddress) {
		events.publishEvent(new RegisterChanged(me.username(), register + "_" + change, register, id, detail,
				clientAddress, clock.instant()));
	}

	private String name(UnitId unit) {
		return geography.get(unit).fullName();
	}

	private String code(UnitId unit) {
		return geography.get(unit).code();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static Optional<UnitId> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new UnitId(Long.parseLong(text.strip())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
