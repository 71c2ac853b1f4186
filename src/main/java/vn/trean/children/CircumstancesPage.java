package vn.trean.children;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;
import vn.trean.identity.Accounts;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.AgencyLookup;
import vn.trean.shared.Time;

/**
 * What a child's special-circumstances page shows: her entries and supports with every
 * version, who made each, and the forms for those who may record. Every showing is a
 * reading of a child's data and writes its access entry, in the same transaction.
 */
@Component
class CircumstancesPage {

	private final ChildAccess access;

	private final CircumstanceStore store;

	private final Geography geography;

	private final Accounts accounts;

	private final AgencyLookup agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CircumstancesPage(ChildAccess access, CircumstanceStore store, Geography geography, Accounts accounts,
			AgencyLookup agencies, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.store = store;
		this.geography = geography;
		this.accounts = accounts;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	void fill(Actor actor, ChildReference reference, Model model) {
		ChildAccess.Reached reached = access.reach(actor, reference, Action.VIEW_CHILD_RECORDS);
		Child child = reached.child();
		CircumstanceHistory history = store.historyOf(child.id());
		LocalDate today = LocalDate.now(clock.withZone(Time.ZONE));
		model.addAttribute("child", child);
		model.addAttribute("age", ageText(child, today));
		model.addAttribute("entries", history.entries());
		model.addAttribute("supports", history.supports());
		model.addAttribute("groups", SpecialCircumstance.values());
		model.addAttribute("kinds", SupportKind.values());
		model.addAttribute("today", today);
		model.addAttribute("mayRecord", access.permits(actor, child, Action.MANAGE_CASES));
		model.addAttribute("agencies", agenciesAround(reached.place()));
		model.addAttribute("names", names(history));
		model.addAttribute("units", units(history));
		model.addAttribute("failed", failed(model.getAttribute("submitted")));
		events.publishEvent(new CircumstanceAudit(actor.name(), "RECORD_VIEWED", child.id().toString(),
				actor.clientAddress(), "special circumstances", clock.instant()));
	}

	/** Her age today in years, when anything of her birth is known. */
	private static @Nullable Integer ageText(Child child, LocalDate today) {
		return child.birthDate() == null ? null : CircumstancePolicy.ageOn(child, today);
	}

	/** The agencies of the province of the place, by id, in name order. */
	private Map<Long, String> agenciesAround(UnitId place) {
		Map<Long, String> names = new LinkedHashMap<>();
		agencies.locatedIn(geography.unitsWithin(geography.provinceOf(place)))
			.forEach(a -> names.put(a.id().value(), a.name()));
		return names;
	}

	private Map<Long, String> names(CircumstanceHistory history) {
		Set<Long> ids = new HashSet<>();
		history.entries().forEach(e -> e.versions().forEach(v -> ids.add(v.recordedBy())));
		history.supports().forEach(s -> s.versions().forEach(v -> ids.add(v.recordedBy())));
		return ids.isEmpty() ? Map.of() : accounts.displayNames(ids);
	}

	private Map<Long, String> units(CircumstanceHistory history) {
		Map<Long, String> names = new LinkedHashMap<>();
		history.entries().forEach(e -> names.computeIfAbsent(e.unit().value(), u -> geography.get(e.unit()).name()));
		history.supports().forEach(s -> names.computeIfAbsent(s.unit().value(), u -> geography.get(s.unit()).name()));
		return names;
	}

	/**
	 * Which form a refusal came from: the page opens it and gives its controls their ids.
	 */
	private static @Nullable String failed(@Nullable Object submitted) {
		if (submitted instanceof CircumstanceForms.EntryForm) {
			return "entry";
		}
		if (submitted instanceof CircumstanceForms.SupportForm) {
			return "support";
		}
		if (submitted instanceof CircumstanceForms.CorrectionForm c) {
			return "correct-" + c.entry();
		}
		if (submitted instanceof CircumstanceForms.EndForm e) {
			return "end-" + e.entry();
		}
		if (submitted instanceof CircumstanceForms.SupportCorrectionForm s) {
			return "support-" + s.support();
		}
		return null;
	}

}
