package vn.trean.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.directory.Directory;
import vn.trean.geography.Geography;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup.AgencySummary;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.AgencyId;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.VietnameseText;

/**
 * The plan administrator completes the plan's activities: who carries each out (agencies
 * of the province from the directory), when, and with what funding. A change is one
 * transaction with its audit entry, refused when someone else changed the activity since
 * the form was read.
 */
@Service
@Transactional
class PlanActivities {

	/**
	 * An activity's details as typed into the form; blank means still to be completed.
	 * Dates stay text so that a malformed one is named as a date.
	 */
	record Entry(@PlainText(max = 20) String responsibleAgency, List<@PlainText(max = 20) String> partners,
			@PlainText(max = 20) String periodStart, @PlainText(max = 20) String periodEnd,
			@PlainText(max = 300, markup = true) String fundingSource,
			@NotNull(message = "validation.invalid") Integer version) {

		static Entry of(Activity a) {
			return new Entry(a.responsibleAgency() == null ? "" : a.responsibleAgency().toString(),
					a.partners().stream().map(Object::toString).toList(),
					a.periodStart() == null ? "" : a.periodStart().toString(),
					a.periodEnd() == null ? "" : a.periodEnd().toString(), a.fundingSource(), a.version());
		}

		public boolean hasPartner(Object id) {
			return partners != null && partners.contains(String.valueOf(id));
		}

	}

	private final ActionPlans actionPlans;

	private final PlanActivityRepository plans;

	private final Geography geography;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanActivities(ActionPlans actionPlans, PlanActivityRepository plans, Geography geography, Directory directory,
			ApplicationEventPublisher events, Clock clock) {
		this.actionPlans = actionPlans;
		this.plans = plans;
		this.geography = geography;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/** An activity of a plan the user administers, for its form. */
	@Transactional(readOnly = true)
	Activity toEdit(CurrentUser me, PlanId planId, long activityId) {
		Plan plan = actionPlans.administered(me, planId);
		return plans.activity(plan.id(), activityId).orElseThrow(() -> new UnknownPlan("activity " + activityId));
	}

	/** The agencies of the plan's province, for choosing who carries out an activity. */
	@Transactional(readOnly = true)
	List<AgencySummary> agenciesFor(CurrentUser me, PlanId planId) {
		Plan plan = actionPlans.administered(me, planId);
		return directory.locatedIn(geography.unitsWithin(plan.province()));
	}

	void change(Actor actor, PlanId planId, long activityId, Entry entry) {
		Plan plan = actionPlans.administered(actor.signedIn(), planId);
		Activity activity = plans.activity(plan.id(), activityId)
			.orElseThrow(() -> new UnknownPlan("activity " + activityId));
		FormErrors errors = new FormErrors();
		AgencyId responsible = agency(plan, entry.responsibleAgency(), "responsibleAgency", errors);
		Set<AgencyId> partners = new LinkedHashSet<>();
		for (String partner : entry.partners() == null ? List.<String>of() : entry.partners()) {
			Optional.ofNullable(agency(plan, partner, "partners", errors))
				.filter(id -> !id.equals(responsible))
				.ifPresent(partners::add);
		}
		LocalDate start = date(plan, entry.periodStart(), "periodStart", errors);
		LocalDate end = date(plan, entry.periodEnd(), "periodEnd", errors);
		if (start != null && end != null && end.isBefore(start)) {
			errors.reject("periodEnd", "validation.end-before-start");
		}
		if (errors.hasErrors()) {
			throw new InvalidPlanInput(errors);
		}
		String funding = entry.fundingSource() == null || entry.fundingSource().isBlank() ? null
				: VietnameseText.normalize(entry.fundingSource());
		if (!plans.update(activity.id(), entry.version(), responsible, List.copyOf(partners), start, end, funding)) {
			throw new InvalidPlanInput(new FormErrors().reject("version", "plans.activity.changed-meanwhile"));
		}
		events.publishEvent(new PlanChanged(actor.name(), "PLAN_ACTIVITY_CHANGED", plan.id(),
				"activity=" + activity.section() + " responsible=" + (responsible == null ? "none" : responsible)
						+ " partners=" + partners.size() + " period=" + start + ".." + end,
				actor.clientAddress(), clock.instant()));
	}

	/** An agency of the plan's province, or {@code null} (none chosen, or refused). */
	private AgencyId agency(Plan plan, String text, String field, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			AgencyId id = new AgencyId(Long.parseLong(text.strip()));
			Optional<AgencySummary> agency = directory.find(id);
			if (agency.isEmpty() || !geography.contains(plan.province(), agency.get().unit())) {
				errors.reject(field, "plans.agency.outside-province");
				return null;
			}
			return id;
		}
		catch (NumberFormatException ex) {
			errors.reject(field, "validation.invalid");
			return null;
		}
	}

	/** A date within the plan's years, or {@code null} (none given, or refused). */
	private static LocalDate date(Plan plan, String text, String field, FormErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (!plan.covers(date.getYear())) {
				errors.reject(field, "plans.period.outside-plan");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.reject(field, "validation.date");
			return null;
		}
	}

}
