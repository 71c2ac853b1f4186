package vn.trean.referrals;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trean.cases.CaseReferralFacts;
import vn.trean.children.Child;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;
import vn.trean.intake.ReferralFacts;
import vn.trean.intake.ReferralReports;
import vn.trean.intake.ReportId;

import static vn.trean.referrals.ShareField.*;

/**
 * Composes what a referral may show from the child's registry record, the reports in the
 * case, the case officer's contact and what the sending officer typed. Every field is
 * composed; the receiving sector's set decides, when read, what is shown.
 */
@Component
class ReferralDrafts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ReferralReports reports;

	private final Geography geography;

	ReferralDrafts(ReferralReports reports, Geography geography) {
		this.reports = reports;
		this.geography = geography;
	}

	ReferralContent compose(Actor actor, CaseReferralFacts.Facts c, Child child, DraftForm form, LocalDate today) {
		Map<ShareField, ShareValue> v = new EnumMap<>(ShareField.class);
		childFields(v, child, form, today);
		List<ReferralFacts> facts = c.reports().stream().flatMap(r -> reports.facts(r).stream()).toList();
		v.put(HARM_FORMS, keys(facts.stream().flatMap(f -> f.harmForms().stream().map(h -> "harm." + h))));
		v.put(HARM_SETTING, keys(facts.stream().filter(f -> f.setting() != null).map(f -> "setting." + f.setting())));
		v.put(INCIDENT_PLACE, text(String.join("; ", new LinkedHashSet<>(
				facts.stream().filter(f -> f.place() != null).map(f -> unitName(f.place())).toList()))));
		v.put(INCIDENT_TIME, text(form.incidentTime()));
		v.put(ACCOUNT,
				text(String.join("\n\n",
						facts.stream()
							.filter(f -> f.account() != null)
							.map(f -> f.referenceCode() + ": " + f.account())
							.toList())));
		v.put(PERPETRATOR, keys(facts.stream().flatMap(ReferralDrafts::perpetrator)));
		v.put(INJURIES_AND_DANGER_SIGNS, new ShareValue(form.injuries(),
				facts.stream().flatMap(f -> f.dangerSigns().stream().map(d -> "danger." + d)).distinct().toList()));
		v.put(HEALTH_NEEDS, text(form.healthNeeds()));
		v.put(LEGAL_QUESTION, text(form.legalQuestion()));
		v.put(SUPPORT_REQUESTED, text(form.supportRequested()));
		v.put(CASE_OFFICER_CONTACT, text(c.officerName() == null ? actor.signedIn().displayName()
				: c.officerName() + (c.officerEmail() == null ? "" : " – " + c.officerEmail())));
		if (form.sharingReporter()) {
			v.put(REPORTER_IDENTITY, reporter(actor, c));
		}
		return new ReferralContent(v);
	}

	private void childFields(Map<ShareField, ShareValue> v, Child child, DraftForm form, LocalDate today) {
		v.put(CHILD_NAME, text(child.fullName()));
		v.put(CHILD_SEX, keys(Stream.of("sex." + child.sex())));
		Integer age = ageOn(child, today);
		v.put(CHILD_AGE, text(age == null ? null : Integer.toString(age)));
		v.put(CHILD_BIRTH_DATE, child.birthDate() == null || child.birthDateApproximate() ? ShareValue.keys(List.of())
				: text(DAY.format(child.birthDate())));
		v.put(CHILD_ID_NUMBER, text(child.personalId() == null ? null : child.personalId().value()));
		String residence = child.residence() == null ? null : unitName(child.residence());
		v.put(CHILD_ADDRESS,
				text(Stream.of(child.addressDetail(), residence)
					.filter(s -> s != null && !s.isBlank())
					.reduce((a, b) -> a + ", " + b)
					.orElse(null)));
		v.put(CHILD_SCHOOL, text(child.school()));
		v.put(CHILD_CLASS, text(form.childClass()));
		v.put(CARER_CONTACT, text(form.carerContact() != null ? form.carerContact() : child.parentName()));
		v.put(VISITING_CARER, text(form.visitingCarer()));
	}

	/**
	 * The child's age in whole years on the day, from the birth date or the age given.
	 */
	static @Nullable Integer ageOn(Child child, LocalDate day) {
		if (child.birthDate() == null) {
			return null;
		}
		return child.birthDateApproximate() ? child.approximateAge(day)
				: Period.between(child.birthDate(), day).getYears();
	}

	private ShareValue reporter(Actor actor, CaseReferralFacts.Facts c) {
		List<String> lines = new ArrayList<>();
		List<String> relations = new ArrayList<>();
		for (ReportId report : c.reports()) {
			reports.reporterOf(actor, report, "REFERRAL").ifPresent(r -> {
				lines.add(String.join(" – ",
						Stream.of(r.name(), r.phone()).filter(s -> s != null && !s.isBlank()).toList()));
				if (r.relation() != null) {
					relations.add("relation." + r.relation());
				}
			});
		}
		return new ShareValue(lines.isEmpty() ? null : String.join("; ", lines),
				relations.stream().distinct().toList());
	}

	private static Stream<String> perpetrator(ReferralFacts f) {
		Stream<String> relation = f.perpetratorRelation() == null ? Stream.empty()
				: Stream.of("relation." + f.perpetratorRelation());
		Stream<String> lives = f.perpetratorLivesWithChild() ? Stream.of("report.perpetrator.lives-with")
				: Stream.empty();
		Stream<String> reach = f.perpetratorCanReachChild() ? Stream.of("report.perpetrator.can-reach")
				: Stream.empty();
		return Stream.of(relation, lives, reach).flatMap(s -> s);
	}

	private String unitName(UnitId unit) {
		return geography.find(unit).map(u -> u.fullName()).orElse("");
	}

	private static ShareValue text(@Nullable String text) {
		return new ShareValue(text == null || text.isBlank() ? null : text, List.of());
	}

	private static ShareValue keys(Stream<String> keys) {
		return ShareValue.keys(keys.distinct().toList());
	}

}
