package vn.trean.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
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

/**
 * Reading the registers of the user's area and adding to them. Reading needs
 * {@code VIEW_STATISTICS} at the unit shown; adding needs {@code SUBMIT_PLAN_REPORTS} or
 * {@code MANAGE_ACTION_PLANS} at the record's unit, both asked of {@link Authorization}.
 * Every addition is one transaction with its audit entry.
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

	/** One register's records in the user's area, with what its form needs. */
	record Listing<T>(List<T> records, Map<UnitId, String> unitNames, List<AdministrativeUnit> writableUnits) {

		public boolean mayWrite() {
			return !writableUnits.isEmpty();
		}

		public String unitName(UnitId unit) {
			return unitNames.getOrDefault(unit, String.valueOf(unit));
		}

	}

	@Transactional(readOnly = true)
	Listing<WorkforceMember> workforce(CurrentUser me) {
		return listing(me, registers::members);
	}

	@Transactional(readOnly = true)
	Listing<Training> trainings(CurrentUser me) {
		return listing(me, registers::trainings);
	}

	@Transactional(readOnly = true)
	Listing<CommunicationEvent> events(CurrentUser me) {
		return listing(me, registers::events);
	}

	@Transactional(readOnly = true)
	Listing<Facility> facilities(CurrentUser me) {
		return listing(me, registers::facilities);
	}

	@Transactional(readOnly = true)
	Listing<InterviewRoom> rooms(CurrentUser me) {
		return listing(me, registers::rooms);
	}

	/**
	 * The roster of a unit (and the units under it) a training's participants come from.
	 */
	@Transactional(readOnly = true)
	List<WorkforceMember> roster(CurrentUser me, UnitId unit) {
		requireWrite(me, unit);
		return registers.members(geography.unitsWithin(unit));
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
		UnitId province = geography.provinceOf(me.jurisdiction());
		Verdict<RegisterPolicy.NewMember> verdict = RegisterPolicy.member(entry, standing(me),
				agency -> directory.find(agency).filter(a -> geography.contains(province, a.unit())).isPresent());
		RegisterPolicy.NewMember member = accepted(verdict);
		long id = registers.insert(member, me.username(), clock.instant());
		audit(me, "WORKFORCE_MEMBER", id, "unit=" + code(member.unit()) + " role=" + member.role(), clientAddress);
		return id;
	}

	long addTraining(CurrentUser me, RegisterPolicy.TrainingEntry entry, String clientAddress) {
		requireWriteIfKnown(me, entry.unit());
		Optional<UnitId> unit = parse(entry.unit());
		Verdict<RegisterPolicy.NewTraining> verdict = RegisterPolicy.training(entry, today(), standing(me),
				id -> registers.member(id)
					.filter(m -> unit.isPresent() && geography.contains(unit.get(), m.unit()))
					.map(m -> new RegisterPolicy.RosterEntry(m.id(), m.role(), m.sex())));
		RegisterPolicy.NewTraining training = accepted(verdict);
		long id = registers.insert(training, me.username(), clock.instant());
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

	// ---- rules ----

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

	private <T> Listing<T> listing(CurrentUser me, Function<Set<UnitId>, List<T>> rows) {
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(me.jurisdiction()));
		return new Listing<>(rows.apply(geography.unitsWithin(me.jurisdiction())),
				geography.currentNamesAround(me.jurisdiction()), writableUnits(me));
	}

	private static <T> T accepted(Verdict<T> verdict) {
		if (!verdict.allowed()) {
			throw new InvalidRegisterInput(verdict.errors());
		}
		return verdict.value();
	}

	private void audit(CurrentUser me, String register, long id, String detail, String clientAddress) {
		events.publishEvent(new RegisterChanged(me.username(), register + "_ADDED", register, id, detail, clientAddress,
				clock.instant()));
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
