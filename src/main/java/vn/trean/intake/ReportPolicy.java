package vn.trean.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trean.children.ChildRegistry;
import vn.trean.children.PersonalIdNumber;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PhoneNumber;
import vn.trean.shared.Verdict;

/**
 * The rules of a report that span its fields or need the database, the same on every
 * channel: a reporter's name and phone only when not anonymous, harm named for a report
 * of harm, a child for a report of harm (but from the public), places that exist, each
 * child once and the registry's rules for her details. The public form also names the
 * commune and a form of harm it offers. Errors are keyed by the form's field names, after
 * those the binding found ({@link BoundReport}), before the values it could not convert.
 */
@Component
class ReportPolicy {

	/** The kinds of harm the public form offers, in plain words. */
	static final List<HarmForm> PUBLIC_HARMS = List.of(HarmForm.VIOLENCE, HarmForm.SEXUAL_MOLESTATION, HarmForm.NEGLECT,
			HarmForm.ABANDONMENT, HarmForm.EXPLOITATION, HarmForm.TRAFFICKING, HarmForm.OTHER_HARM);

	private final Geography geography;

	private final ChildRegistry children;

	private final IntakeSettings settings;

	ReportPolicy(Geography geography, ChildRegistry children, IntakeSettings settings) {
		this.geography = geography;
		this.children = children;
		this.settings = settings;
	}

	/**
	 * The draft allowed, or every error found.
	 * @param fromThePublic whether it came through the public form
	 */
	Verdict<ReportDraft> check(BoundReport bound, boolean fromThePublic) {
		ReportDraft draft = bound.draft();
		FormErrors errors = new FormErrors();
		bound.broken().asMap().forEach(errors::reject);
		reporter(draft, errors);
		harm(draft, errors);
		if (draft.placeUnit() != null
				&& geography.find(new UnitId(draft.placeUnit())).filter(AdministrativeUnit::current).isEmpty()) {
			errors.reject("placeUnit", "validation.unit-unknown");
		}
		if (fromThePublic) {
			fromThePublic(draft, errors);
		}
		children(draft, errors);
		bound.unconvertible().asMap().forEach(errors::reject);
		return errors.hasErrors() ? Verdict.refuse(errors) : Verdict.allow(draft);
	}

	private static void reporter(ReportDraft draft, FormErrors errors) {
		if (!draft.anonymous()) {
			errors.checkPlainText("reporterName", draft.reporterName(), false, 200);
			if (draft.reporterPhone() != null && !draft.reporterPhone().isBlank()
					&& !PhoneNumber.isValid(draft.reporterPhone())) {
				errors.reject("reporterPhone", "validation.phone");
			}
		}
	}

	private static void harm(ReportDraft draft, FormErrors errors) {
		if (draft.contactType() == ContactType.HARM && draft.harmList().isEmpty()) {
			errors.reject("harmForms", "report.harm.required");
		}
		if (draft.harmList().stream().anyMatch(Objects::isNull)) {
			errors.reject("harmForms", "validation.invalid");
		}
		if (draft.dangerList().stream().anyMatch(Objects::isNull)) {
			errors.reject("dangerSigns", "validation.invalid");
		}
	}

	/**
	 * The public form says in which commune it happened and offers a few forms of harm.
	 */
	private void fromThePublic(ReportDraft draft, FormErrors errors) {
		if (draft.placeUnit() == null) {
			errors.reject("placeUnit", "validation.required");
		}
		else if (geography.find(new UnitId(draft.placeUnit()))
			.filter(u -> u.level() == AdministrativeUnit.Level.COMMUNE)
			.isEmpty()) {
			errors.reject("placeUnit", "validation.unit-unknown");
		}
		if (!PUBLIC_HARMS.containsAll(draft.harmList())) {
			errors.reject("harmForms", "validation.invalid");
		}
	}

	private void children(ReportDraft draft, FormErrors errors) {
		List<ReportDraft.ChildEntry> entries = draft.childList();
		if (entries.isEmpty() && draft.contactType() == ContactType.HARM && draft.channel() != Channel.ONLINE_FORM) {
			errors.reject("children", "report.children.required");
		}
		if (entries.size() > settings.maxChildren()) {
			errors.reject("children", "report.children.too-many");
		}
		Set<Object> seen = new HashSet<>();
		for (int i = 0; i < entries.size() && i < settings.maxChildren(); i++) {
			child(entries.get(i), "children[" + i + "].", seen, errors);
		}
	}

	/**
	 * One child's rules; each child is named once (the same link, or the same new
	 * number).
	 */
	private void child(ReportDraft.ChildEntry entry, String prefix, Set<Object> seen, FormErrors errors) {
		if (entry.linkInvalid() || entry.link() != null && children.find(entry.link()).isEmpty()) {
			errors.reject(prefix + "linkTo", "report.child.link-unknown");
		}
		if (entry.link() != null && !seen.add(entry.link())) {
			errors.reject(prefix + "linkTo", "report.child.repeated");
		}
		children.check(entry.details(), prefix, errors);
		if (entry.link() == null && !errors.has(prefix + "personalId")) {
			PersonalIdNumber pid = PersonalIdNumber.parse(entry.personalId());
			if (pid != null && !seen.add(pid)) {
				errors.reject(prefix + "personalId", "report.child.repeated");
			}
			else if (pid != null && children.findByPersonalId(pid).isPresent()) {
				errors.reject(prefix + "personalId", "child.pid.registered");
			}
		}
		if (entry.residence() != null && !errors.has(prefix + "residence")
				&& geography.find(new UnitId(entry.residence())).isEmpty()) {
			errors.reject(prefix + "residence", "validation.unit-unknown");
		}
	}

}
