package vn.trean.registers;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.geography.UnitId;
import vn.trean.registers.FacilityKind.CheckItem;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The rules of a school's or health facility's entry and of its capacity checks beyond
 * their fields' own: a unit in force in the user's province; a check dated by today, with
 * the items of the facility's kind's checklist only, and a date whenever items are
 * ticked; a facility's kind stays while it has checks of that kind.
 */
final class FacilityPolicy {

	private FacilityPolicy() {
	}

	/** A facility as its form submits it, with its first capacity check (optional). */
	record FacilityEntry(String unit, @NotNull FacilityKind kind, @NotBlank @PlainText(max = 300) String name,
			String checkedOn, List<CheckItem> items) {

		static FacilityEntry blank() {
			return new FacilityEntry(null, null, null, null, List.of());
		}

		/** A facility as its edit form shows it: its checks are corrected one by one. */
		static FacilityEntry of(Facility f) {
			return new FacilityEntry(f.unit().toString(), f.kind(), f.name(), null, List.of());
		}

		public boolean hasItem(Object item) {
			return items != null && items.contains(item);
		}

	}

	/** A capacity check as its form submits it. */
	record CheckEntry(String checkedOn, List<CheckItem> items) {

		static CheckEntry of(CapacityCheck check) {
			return new CheckEntry(check.checkedOn().toString(), List.copyOf(check.items()));
		}

		public boolean hasItem(Object item) {
			return items != null && items.contains(item);
		}

	}

	record NewFacility(UnitId unit, FacilityKind kind, String name, FacilityCheck check) {
	}

	/** A capacity check: the date and the checklist items found in place. */
	record FacilityCheck(LocalDate checkedOn, Set<CheckItem> items) {
	}

	static Verdict<NewFacility> facility(FacilityEntry e, LocalDate today, Function<UnitId, UnitStanding> units) {
		FormErrors errors = new FormErrors();
		UnitId unit = RegisterRules.unit(e.unit(), units, errors);
		FacilityCheck check = null;
		if (e.kind() != null) {
			check = check(e.kind(), new CheckEntry(e.checkedOn(), e.items()), false, today, errors);
		}
		return new Verdict<>(new NewFacility(unit, e.kind(), RegisterRules.text(e.name()), check), errors);
	}

	/** A later check of a facility of the given kind; the date is required. */
	static Verdict<FacilityCheck> check(FacilityKind kind, CheckEntry e, LocalDate today) {
		FormErrors errors = new FormErrors();
		FacilityCheck check = check(kind, e, true, today, errors);
		return new Verdict<>(check, errors);
	}

	private static FacilityCheck check(FacilityKind kind, CheckEntry e, boolean required, LocalDate today,
			FormErrors errors) {
		Set<CheckItem> found = EnumSet.noneOf(CheckItem.class);
		for (CheckItem item : e.items() == null ? List.<CheckItem>of() : e.items()) {
			if (item == null || !kind.checklist().contains(item)) {
				errors.reject("items", "validation.invalid");
			}
			else {
				found.add(item);
			}
		}
		LocalDate date = RegisterRules.date(e.checkedOn(), "checkedOn", required, today, errors);
		if (date == null && !found.isEmpty() && !errors.has("checkedOn")) {
			errors.reject("checkedOn", "registers.facility.check-needs-date");
		}
		return date == null ? null : new FacilityCheck(date, found);
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

}
