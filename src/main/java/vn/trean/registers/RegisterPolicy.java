package vn.trean.registers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import vn.trean.geography.UnitId;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.VietnameseText;

/**
 * The rules an entry must meet before a register stores it, in one place: counts are
 * whole numbers, never negative; a past event is not dated in the future; the unit is one
 * in force in the user's province; participants are on the roster of the training's unit
 * and agree with the counts by role and sex; an event lists a household once; a
 * correction meets the rules of a new entry and comes from the record's current version;
 * a member a training lists is not deleted. Each rule refuses with the field and the
 * message key; the lookups it needs (units, agencies, the roster) are passed in, so the
 * policy runs without a database.
 */
final class RegisterPolicy {

	/** A whole number as people type it: digits only, no thousands separator. */
	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

	/** A household code of the residence register: letters, digits and dashes. */
	private static final Pattern HOUSEHOLD = Pattern.compile("[A-Z0-9-]{1,30}");

	private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private RegisterPolicy() {
	}

	/** Allowed with the entry read into values, or refused with the errors by field. */
	record Verdict<T>(T value, FormErrors errors) {

		boolean allowed() {
			return !errors.hasErrors();
		}

	}

	/** Where a chosen unit stands for the user entering a record. */
	enum UnitStanding {

		/** In force and inside the user's province. */
		USABLE,
		/** Not a unit, or no longer in force. */
		UNKNOWN,
		/** A unit of another province. */
		OUTSIDE_PROVINCE

	}

	/** A roster entry as a training's participant list needs it. */
	record RosterEntry(long id, WorkforceRole role, Sex sex) {
	}

	// ---- workforce ----

	record MemberEntry(String unit, String fullName, String role, String sex, String agency, String activeFrom,
			String activeTo) {
	}

	record NewMember(UnitId unit, String fullName, WorkforceRole role, Sex sex, AgencyId agency, LocalDate activeFrom,
			LocalDate activeTo) {
	}

	static Verdict<NewMember> member(MemberEntry e, Function<UnitId, UnitStanding> units,
			Predicate<AgencyId> agencyInProvince) {
		FormErrors errors = new FormErrors();
		UnitId unit = unit(e.unit(), units, errors);
		errors.checkText("fullName", e.fullName(), true, 200);
		WorkforceRole role = choice(WorkforceRole.class, e.role(), "role", errors);
		Sex sex = choice(Sex.class, e.sex(), "sex", errors);
		AgencyId agency = null;
		if (e.agency() != null && !e.agency().isBlank()) {
			try {
				agency = new AgencyId(Long.parseLong(e.agency().strip()));
				if (!agencyInProvince.test(agency)) {
					errors.reject("agency", "registers.agency.outside-province");
				}
			}
			catch (NumberFormatException ex) {
				errors.reject("agency", "validation.invalid");
			}
		}
		LocalDate from = date(e.activeFrom(), "activeFrom", true, null, errors);
		LocalDate to = date(e.activeTo(), "activeTo", false, null, errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.reject("activeTo", "validation.end-before-start");
		}
		return new Verdict<>(new NewMember(unit, text(e.fullName()), role, sex, agency, from, to), errors);
	}

	// ---- trainings ----

	record TrainingEntry(String unit, String heldOn, String topic, String organiser, String kind,
			List<String> participants, Map<String, String> counts) {
	}

	record NewTraining(UnitId unit, LocalDate heldOn, String topic, String organiser, TrainingKind kind,
			Set<Long> participants, Map<WorkforceRole, Map<Sex, Integer>> tally) {
	}

	/** The form field of the count of participants of a role and sex. */
	static String countField(WorkforceRole role, Sex sex) {
		return "count-" + role + "-" + sex;
	}

	/**
	 * @param roster the workforce member of that id on the roster of the training's unit
	 * (or a unit under it), if any
	 */
	static Verdict<NewTraining> training(TrainingEntry e, LocalDate today, Function<UnitId, UnitStanding> units,
			Function<Long, Optional<RosterEntry>> roster) {
		FormErrors errors = new FormErrors();
		UnitId unit = unit(e.unit(), units, errors);
		LocalDate heldOn = date(e.heldOn(), "heldOn", true, today, errors);
		errors.checkText("topic", e.topic(), true, 300);
		errors.checkText("organiser", e.organiser(), true, 200);
		TrainingKind kind = choice(TrainingKind.class, e.kind(), "kind", errors);

		Map<WorkforceRole, Map<Sex, Integer>> typed = new EnumMap<>(WorkforceRole.class);
		boolean anyTyped = false;
		Map<String, String> counts = e.counts() == null ? Map.of() : e.counts();
		for (WorkforceRole role : WorkforceRole.values()) {
			for (Sex sex : Sex.values()) {
				String text = counts.get(countField(role, sex));
				Integer n = count(text, "counts", false, errors);
				if (text != null && !text.isBlank()) {
					anyTyped = true;
				}
				typed.computeIfAbsent(role, r -> new EnumMap<>(Sex.class)).put(sex, n == null ? 0 : n);
			}
		}

		Set<Long> participants = new LinkedHashSet<>();
		Map<WorkforceRole, Map<Sex, Integer>> fromRoster = new EnumMap<>(WorkforceRole.class);
		for (String id : e.participants() == null ? List.<String>of() : e.participants()) {
			Optional<RosterEntry> member = Optional.empty();
			try {
				member = roster.apply(Long.parseLong(id.strip()));
			}
			catch (NumberFormatException ex) {
				// an id that is not a number is no one on the roster
			}
			if (member.isEmpty()) {
				errors.reject("participants", "registers.training.unknown-member");
				continue;
			}
			if (participants.add(member.get().id())) {
				fromRoster.computeIfAbsent(member.get().role(), r -> new EnumMap<>(Sex.class))
					.merge(member.get().sex(), 1, Integer::sum);
			}
		}
		if (anyTyped && !participants.isEmpty() && !errors.has("counts") && !errors.has("participants")) {
			for (WorkforceRole role : WorkforceRole.values()) {
				for (Sex sex : Sex.values()) {
					int listed = fromRoster.getOrDefault(role, Map.of()).getOrDefault(sex, 0);
					if (typed.get(role).get(sex) != listed) {
						errors.reject("counts", "registers.training.counts-mismatch");
					}
				}
			}
		}
		if (!anyTyped && participants.isEmpty()) {
			errors.reject("counts", "registers.training.no-participants");
		}
		Map<WorkforceRole, Map<Sex, Integer>> tally = anyTyped ? typed : fromRoster;
		return new Verdict<>(
				new NewTraining(unit, heldOn, text(e.topic()), text(e.organiser()), kind, participants, tally), errors);
	}

	// ---- communication events ----

	record EventEntry(String unit, String heldOn, String type, String channel, String audience, String reach,
			String materials, String households) {
	}

	record NewEvent(UnitId unit, LocalDate heldOn, String type, String channel, String audience, int reach,
			String materials, List<String> households) {
	}

	static Verdict<NewEvent> event(EventEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		FormErrors errors = new FormErrors();
		UnitId unit = unit(e.unit(), units, errors);
		LocalDate heldOn = date(e.heldOn(), "heldOn", true, today, errors);
		errors.checkText("type", e.type(), true, 200);
		errors.checkText("channel", e.channel(), true, 200);
		errors.checkText("audience", e.audience(), true, 200);
		Integer reach = count(e.reach(), "reach", true, errors);
		errors.checkText("materials", e.materials(), false, 1000);
		List<String> households = new ArrayList<>();
		if (e.households() != null) {
			for (String code : e.households().split("[\\s,;]+")) {
				if (code.isBlank()) {
					continue;
				}
				String normal = code.strip().toUpperCase(Locale.ROOT);
				if (!HOUSEHOLD.matcher(normal).matches()) {
					errors.reject("households", "registers.household.malformed");
				}
				else if (households.contains(normal)) {
					errors.reject("households", "registers.household.duplicate");
				}
				else {
					households.add(normal);
				}
			}
		}
		return new Verdict<>(new NewEvent(unit, heldOn, text(e.type()), text(e.channel()), text(e.audience()),
				reach == null ? 0 : reach, blankToNull(e.materials()), households), errors);
	}

	// ---- facilities ----

	record FacilityEntry(String unit, String kind, String name, String checkedOn, List<String> items) {
	}

	record NewFacility(UnitId unit, FacilityKind kind, String name, FacilityCheck check) {
	}

	/** A capacity check: the date and the checklist items found in place. */
	record FacilityCheck(LocalDate checkedOn, Set<FacilityKind.CheckItem> items) {
	}

	static Verdict<NewFacility> facility(FacilityEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		FormErrors errors = new FormErrors();
		UnitId unit = unit(e.unit(), units, errors);
		FacilityKind kind = choice(FacilityKind.class, e.kind(), "kind", errors);
		errors.checkText("name", e.name(), true, 300);
		FacilityCheck check = null;
		if (kind != null) {
			check = check(kind, e.checkedOn(), e.items(), false, today, errors);
		}
		return new Verdict<>(new NewFacility(unit, kind, text(e.name()), check), errors);
	}

	/** A later check of a facility of the given kind; the date is required. */
	static Verdict<FacilityCheck> check(FacilityKind kind, String checkedOn, List<String> items, LocalDate today) {
		FormErrors errors = new FormErrors();
		FacilityCheck check = check(kind, checkedOn, items, true, today, errors);
		return new Verdict<>(check, errors);
	}

	private static FacilityCheck check(FacilityKind kind, String checkedOn, List<String> items, boolean required,
			LocalDate today, FormErrors errors) {
		Set<FacilityKind.CheckItem> found = EnumSet.noneOf(FacilityKind.CheckItem.class);
		for (String item : items == null ? List.<String>of() : items) {
			FacilityKind.CheckItem parsed = choice(FacilityKind.CheckItem.class, item, "items", errors);
			if (parsed != null && !kind.checklist().contains(parsed)) {
				errors.reject("items", "validation.invalid");
			}
			else if (parsed != null) {
				found.add(parsed);
			}
		}
		LocalDate date = date(checkedOn, "checkedOn", required, today, errors);
		if (date == null && !found.isEmpty() && !errors.has("checkedOn")) {
			errors.reject("checkedOn", "registers.facility.check-needs-date");
		}
		return date == null ? null : new FacilityCheck(date, found);
	}

	// ---- interview rooms ----

	record RoomEntry(String unit, String name, String establishedOn, String childFriendly) {
	}

	record NewRoom(UnitId unit, String name, LocalDate establishedOn, boolean childFriendly) {
	}

	static Verdict<NewRoom> room(RoomEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		FormErrors errors = new FormErrors();
		UnitId unit = unit(e.unit(), units, errors);
		errors.checkText("name", e.name(), true, 300);
		LocalDate established = date(e.establishedOn(), "establishedOn", true, today, errors);
		boolean childFriendly = false;
		if (e.childFriendly() == null || e.childFriendly().isBlank()) {
			errors.reject("childFriendly", "validation.required");
		}
		else if (e.childFriendly().equals("true") || e.childFriendly().equals("false")) {
			childFriendly = Boolean.parseBoolean(e.childFriendly());
		}
		else {
			errors.reject("childFriendly", "validation.invalid");
		}
		return new Verdict<>(new NewRoom(unit, text(e.name()), established, childFriendly), errors);
	}

	// ---- corrections and deletions ----

	/**
	 * Whether a form was read at the record's current version: an edit or deletion made
	 * from an older page is refused rather than overwriting someone else's change.
	 */
	static boolean sameVersion(String typed, int current) {
		if (typed == null) {
			return false;
		}
		try {
			return Integer.parseInt(typed.strip()) == current;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * A corrected workforce member: the rules of a new one, and a unit on the roster of
	 * every training the member is linked to (a training's participants come from the
	 * roster of its unit and the units under it).
	 * @param withinItsTrainings whether a unit lies under the unit of every training the
	 * member attended
	 */
	static Verdict<NewMember> memberChange(MemberEntry e, Function<UnitId, UnitStanding> units,
			Predicate<AgencyId> agencyInProvince, Predicate<UnitId> withinItsTrainings) {
		Verdict<NewMember> verdict = member(e, units, agencyInProvince);
		UnitId unit = verdict.value().unit();
		if (unit != null && !withinItsTrainings.test(unit)) {
			verdict.errors().reject("unit", "registers.member.outside-trainings");
		}
		return verdict;
	}

	/**
	 * A workforce member may be deleted only while no training lists them: "trained" is
	 * counted from those links, so deleting them silently would change past figures.
	 */
	static Verdict<Void> memberRemoval(int trainings) {
		FormErrors errors = new FormErrors();
		if (trainings > 0) {
			errors.reject("record", "registers.member.in-trainings");
		}
		return new Verdict<>(null, errors);
	}

	/**
	 * A corrected facility: unit, kind and name by the rules of a new one; its checks are
	 * corrected one by one. Its kind cannot change once it has checks, whose items belong
	 * to the kind's checklist.
	 */
	static Verdict<NewFacility> facilityChange(FacilityEntry e, LocalDate today, Function<UnitId, UnitStanding> units,
			FacilityKind was, boolean hasChecks) {
		Verdict<NewFacility> verdict = facility(new FacilityEntry(e.unit(), e.kind(), e.name(), null, List.of()), today,
				units);
		FacilityKind kind = verdict.value().kind();
		if (hasChecks && kind != null && kind != was) {
			verdict.errors().reject("kind", "registers.facility.kind-has-checks");
		}
		return verdict;
	}

	// ---- shared rules ----

	/**
	 * Reads a unit id; refuses a malformed or unknown one and one of another province.
	 */
	static UnitId unit(String text, Function<UnitId, UnitStanding> units, FormErrors errors) {
		if (text == null || text.isBlank()) {
			errors.reject("unit", "validation.required");
			return null;
		}
		UnitId unit;
		try {
			unit = new UnitId(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			errors.reject("unit", "validation.unit-unknown");
			return null;
		}
		switch (units.apply(unit)) {
			case UNKNOWN -> errors.reject("unit", "validation.unit-unknown");
			case OUTSIDE_PROVINCE -> errors.reject("unit", "registers.unit.outside-province");
			case USABLE -> {
				return unit;
			}
		}
		return null;
	}

	/**
	 * Reads a count: a whole number without separators, never negative.
	 * @return the number, or {@code null} when blank or refused
	 */
	static Integer count(String text, String field, boolean required, FormErrors errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.reject(field, "validation.required");
			}
			return null;
		}
		String t = text.strip();
		if (!WHOLE.matcher(t).matches()) {
			errors.reject(field, "registers.count.malformed");
			return null;
		}
		int n = Integer.parseInt(t);
		if (n < 0) {
			errors.reject(field, "registers.count.negative");
			return null;
		}
		return n;
	}

	/**
	 * Reads an ISO date; with {@code notAfter}, a past event dated after that day is
	 * refused.
	 */
	static LocalDate date(String text, String field, boolean required, LocalDate notAfter, FormErrors errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.reject(field, "validation.required");
			}
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "validation.date");
			return null;
		}
		if (date.isBefore(EARLIEST)) {
			errors.reject(field, "validation.range");
			return null;
		}
		if (notAfter != null && date.isAfter(notAfter)) {
			errors.reject(field, "validation.date-future");
			return null;
		}
		return date;
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text, String field, FormErrors errors) {
		if (text == null || text.isBlank()) {
			errors.reject(field, "validation.required");
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.reject(field, "validation.invalid");
			return null;
		}
	}

	private static String text(String value) {
		return value == null ? null : VietnameseText.normalize(value.strip());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : text(value);
	}

}
