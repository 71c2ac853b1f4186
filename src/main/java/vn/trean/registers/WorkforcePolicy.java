package vn.trean.registers;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The rules of a workforce member's entry beyond its fields' own: a unit in force in the
 * user's province, an agency of the user's province, a period that does not end before it
 * starts; a corrected member stays on the roster of every training they attended; a
 * member a training lists is not deleted.
 */
final class WorkforcePolicy {

	private WorkforcePolicy() {
	}

	/** A workforce member as the roster's form submits it. */
	record MemberEntry(String unit, @NotBlank @PlainText(max = 200) String fullName, @NotNull WorkforceRole role,
			@NotNull Sex sex, String agency, String activeFrom, String activeTo) {

		static MemberEntry blank() {
			return new MemberEntry(null, null, null, null, null, null, null);
		}

		static MemberEntry of(WorkforceMember m) {
			return new MemberEntry(m.unit().toString(), m.fullName(), m.role(), m.sex(),
					m.agency() == null ? "" : m.agency().toString(), m.activeFrom().toString(),
					m.activeTo() == null ? "" : m.activeTo().toString());
		}

	}

	record NewMember(UnitId unit, String fullName, WorkforceRole role, Sex sex, AgencyId agency, LocalDate activeFrom,
			LocalDate activeTo) {
	}

	static Verdict<NewMember> member(MemberEntry e, Function<UnitId, UnitStanding> units,
			Predicate<AgencyId> agencyInProvince) {
		FormErrors errors = new FormErrors();
		UnitId unit = RegisterRules.unit(e.unit(), units, errors);
		AgencyId agency = agency(e.agency(), agencyInProvince, errors);
		LocalDate from = RegisterRules.date(e.activeFrom(), "activeFrom", true, null, errors);
		LocalDate to = RegisterRules.date(e.activeTo(), "activeTo", false, null, errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.reject("activeTo", "validation.end-before-start");
		}
		return new Verdict<>(new NewMember(unit, RegisterRules.text(e.fullName()), e.role(), e.sex(), agency, from, to),
				errors);
	}

	private static AgencyId agency(String text, Predicate<AgencyId> agencyInProvince, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.strip().matches("[0-9]{1,18}")) {
			errors.reject("agency", "validation.invalid");
			return null;
		}
		AgencyId agency = new AgencyId(Long.parseLong(text.strip()));
		if (!agencyInProvince.test(agency)) {
			errors.reject("agency", "registers.agency.outside-province");
		}
		return agency;
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
		return trainings > 0 ? Verdict.refuse("record", "registers.member.in-trainings") : Verdict.allow(null);
	}

}
