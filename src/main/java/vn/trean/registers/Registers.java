package vn.trean.registers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.Page;
import vn.trean.shared.Verdict;

/**
 * What every register shares, so that each register's service only says what is its own:
 * who may read and write which unit (reading needs {@code VIEW_STATISTICS} at the unit
 * shown; adding, correcting and deleting need {@code SUBMIT_PLAN_REPORTS} or
 * {@code MANAGE_ACTION_PLANS} at the record's unit, all asked of {@link Authorization}),
 * one page of a register's list, the version check of a correction and the audit entry of
 * every change.
 */
@Service
@Transactional(readOnly = true)
class Registers {

	/** Records on one page of a register's list. */
	static final int PAGE_SIZE = 500;

	private final RegisterRows rows;

	private final Authorization authorization;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registers(RegisterRows rows, Authorization authorization, Geography geography, ApplicationEventPublisher events,
			Clock clock) {
		this.rows = rows;
		this.authorization = authorization;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	// ---- who may ----

	/** A record the user may correct or delete: 404 when unknown, 403 when not theirs. */
	<T> T writable(CurrentUser me, Optional<T> record, Function<T, UnitId> unit, String what) {
		T found = record.orElseThrow(() -> new UnknownRegisterRecord(what));
		requireWrite(me, unit.apply(found));
		return found;
	}

	/** A unit that exists and where the user may add records (a training's). */
	AdministrativeUnit writableUnit(CurrentUser me, String unitText) {
		UnitId unit = RegisterRules.parse(unitText)
			.filter(u -> geography.find(u).isPresent())
			.orElseThrow(() -> new UnknownRegisterRecord("unit " + unitText));
		requireWrite(me, unit);
		return geography.get(unit);
	}

	/**
	 * The units in force under the user's jurisdiction where the user may add records.
	 */
	List<AdministrativeUnit> writableUnits(CurrentUser me) {
		if (!authorization.permitsSomewhere(me, Action.SUBMIT_PLAN_REPORTS)
				&& !authorization.permitsSomewhere(me, Action.MANAGE_ACTION_PLANS)) {
			return List.of();
		}
		return geography.currentUnitsWithin(me.jurisdiction()).stream().filter(u -> mayWrite(me, u.id())).toList();
	}

	/** Refuses (403) unless the user may add records at the unit. */
	void requireWrite(CurrentUser me, UnitId unit) {
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
	void requireWriteIfKnown(CurrentUser me, String unitText) {
		if (!authorization.permitsSomewhere(me, Action.MANAGE_ACTION_PLANS)) {
			authorization.requireSomewhere(me, Action.SUBMIT_PLAN_REPORTS);
		}
		RegisterRules.parse(unitText).filter(u -> geography.find(u).isPresent()).ifPresent(u -> requireWrite(me, u));
	}

	/** The unit shown (the user's own when none is asked), once the user may read it. */
	UnitId viewedUnit(CurrentUser me, String unitText) {
		UnitId unit = unitText == null || unitText.isBlank() ? me.jurisdiction()
				: RegisterRules.parse(unitText)
					.filter(u -> geography.find(u).isPresent())
					.orElseThrow(() -> new UnknownRegisterRecord("unit " + unitText));
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(unit));
		return unit;
	}

	/**
	 * Where a unit an entry names stands for the user, for {@link RegisterRules#unit}.
	 */
	Function<UnitId, UnitStanding> standing(CurrentUser me) {
		UnitId province = geography.provinceOf(me.jurisdiction());
		return unit -> geography.find(unit)
			.map(u -> !u.current() ? UnitStanding.UNKNOWN
					: geography.contains(province, unit) ? UnitStanding.USABLE : UnitStanding.OUTSIDE_PROVINCE)
			.orElse(UnitStanding.UNKNOWN);
	}

	private boolean mayWrite(CurrentUser me, UnitId unit) {
		ResourceScope scope = ResourceScope.at(unit);
		return authorization.decide(me, Action.SUBMIT_PLAN_REPORTS, scope).allowed()
				|| authorization.decide(me, Action.MANAGE_ACTION_PLANS, scope).allowed();
	}

	// ---- lists ----

	/** The rows of one page of a register's list on a set of units. */
	@FunctionalInterface
	interface Rows<T> {

		List<T> of(Set<UnitId> units, long offset, int limit);

	}

	/**
	 * One page (from 1; outside the pages there are, the first or the last) of a
	 * register's records of the user's jurisdiction and of the old communes merged whole
	 * into its communes ({@link Geography#unitsListedFor}). Records of old units keep
	 * their unit and are not changed from here.
	 */
	<T> Listing<T> listing(CurrentUser me, int asked, String table, Rows<T> records) {
		authorization.require(me, Action.VIEW_STATISTICS, ResourceScope.at(me.jurisdiction()));
		Set<UnitId> units = geography.unitsListedFor(me.jurisdiction());
		long total = rows.count(table, units);
		int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(asked, 1) - 1, last);
		List<T> fetched = records.of(units, Page.offset(number, PAGE_SIZE), Page.fetchSize(PAGE_SIZE));
		Map<UnitId, String> names = new HashMap<>(geography.currentNamesAround(me.jurisdiction()));
		Set<UnitId> former = new HashSet<>();
		for (UnitId unit : units) {
			if (!names.containsKey(unit)) {
				names.put(unit, name(unit));
				former.add(unit);
			}
		}
		return new Listing<>(Page.of(fetched, number, PAGE_SIZE), total, names, former, writableUnits(me));
	}

	// ---- changes ----

	/** What a register's policy checks an entry with; figures are read in the locale. */
	record Entering(LocalDate today, Function<UnitId, UnitStanding> units, Locale locale) {
	}

	/**
	 * An entry of a new record, once the user may write at its unit (403 first) and its
	 * policy allows it (else 422).
	 */
	<N> N enter(Actor actor, String unitText, Function<Entering, Verdict<N>> policy) {
		CurrentUser me = actor.signedIn();
		requireWriteIfKnown(me, unitText);
		return policy.apply(new Entering(today(), standing(me), actor.locale())).orThrow(InvalidRegisterInput::new);
	}

	/**
	 * A correction, in the order every register checks it: the unit it moves to (403),
	 * the version the form was read at (409), the policy (422), then the update, which
	 * finds the row changed meanwhile (409) or stores it.
	 */
	<N> N correct(Actor actor, String unitText, String typedVersion, int version, String what,
			Function<Entering, Verdict<N>> policy, Predicate<N> update) {
		CurrentUser me = actor.signedIn();
		requireWriteIfKnown(me, unitText);
		requireVersion(typedVersion, version, what);
		N checked = policy.apply(new Entering(today(), standing(me), actor.locale()))
			.orThrow(InvalidRegisterInput::new);
		requireChanged(update.test(checked), what);
		return checked;
	}

	/** A deletion from a page read at {@code version}; 409 when it is stale. */
	static void remove(String typedVersion, int version, String what, BooleanSupplier delete) {
		requireVersion(typedVersion, version, what);
		requireChanged(delete.getAsBoolean(), what);
	}

	/** Refuses (409) a form read at another version of the record. */
	static void requireVersion(String typed, int current, String what) {
		if (!RegisterRules.sameVersion(typed, current)) {
			throw new RegisterRecordChanged(what);
		}
	}

	/** Refuses (409) a change the database did not make: the row changed meanwhile. */
	static void requireChanged(boolean changed, String what) {
		if (!changed) {
			throw new RegisterRecordChanged(what);
		}
	}

	/** Publishes the audit entry of a change ({@code <REGISTER>_<CHANGE>}). */
	void audit(Actor actor, String register, String change, long id, String detail) {
		auditAs(actor, register + "_" + change, register, id, detail);
	}

	/** Publishes an audit entry whose action is not named after its register. */
	void auditAs(Actor actor, String action, String register, long id, String detail) {
		events.publishEvent(new RegisterChanged(actor.name(), action, register, id, detail, actor.clientAddress(),
				clock.instant()));
	}

	// ---- units and days ----

	String name(UnitId unit) {
		return geography.get(unit).fullName();
	}

	String code(UnitId unit) {
		return geography.get(unit).code();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Instant now() {
		return clock.instant();
	}

}
