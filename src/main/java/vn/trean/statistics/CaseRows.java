package vn.trean.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.CaseFacts;
import vn.trean.shared.Time;

/**
 * The read model's rows of one case, derived from its facts alone: a pure function, so a
 * listener and the rebuild write the same rows and a replay writes them again unchanged.
 * <p>
 * Rules: a case is substantiated when the latest of its verdicts (harm confirmed, not
 * substantiated) confirmed the harm; its children then count for indicator 0101 with
 * every form of harm its reports name (OTHER_HARM when none), on the day the first report
 * was received, with the first setting a report gives (UNKNOWN without one), each child
 * with her age on that day. A substantiated case puts its children in the groups of
 * children in special circumstances its forms of harm match, from that day to the day it
 * was closed; its services and its emergency decision are support they received.
 */
record CaseRows(Case row, List<Deadline> deadlines, List<Closure> closures, List<AbusedChild> abused,
		List<Circumstance> circumstances, List<Support> supports) {

	/** The groups of children in special circumstances a form of harm puts a child in. */
	static final Map<String, String> GROUP_OF_HARM = Map.of("VIOLENCE", "SERIOUSLY_HARMED_BY_VIOLENCE", "EXPLOITATION",
			"EXPLOITED", "SEXUAL_RAPE", "SEXUALLY_ABUSED", "SEXUAL_FORCIBLE", "SEXUALLY_ABUSED",
			"SEXUAL_INTERCOURSE_WITH_CHILD", "SEXUALLY_ABUSED", "SEXUAL_MOLESTATION", "SEXUALLY_ABUSED",
			"SEXUAL_PROSTITUTION_OR_PORNOGRAPHY", "SEXUALLY_ABUSED", "TRAFFICKING", "TRAFFICKED");

	/** The kind of support an emergency decision is. */
	static final String EMERGENCY_SUPPORT = "EMERGENCY_INTERVENTION";

	record Case(CaseFacts facts, @Nullable Instant harmConfirmedAt, @Nullable Instant initialAssessmentAt,
			@Nullable Instant planDraftedAt, @Nullable Instant emergencyAt, @Nullable Instant separatedAt) {
	}

	record Deadline(String step, Instant startedAt, Instant dueAt, @Nullable Instant metAt) {
	}

	record Closure(Instant closedAt, boolean substantiated, @Nullable Instant reopenedAt) {
	}

	record AbusedChild(long child, String harmForm, LocalDate harmOn, String sex, @Nullable Integer age,
			String setting) {
	}

	record Circumstance(long child, String group, LocalDate startedOn, @Nullable LocalDate endedOn) {
	}

	record Support(long child, String sourceId, String kind, LocalDate startedOn, LocalDate endedOn) {
	}

	static CaseRows of(CaseFacts facts) {
		List<CaseFacts.Entry> entries = facts.entries();
		Instant harmConfirmed = confirmed(entries);
		Instant emergency = first(entries, "EMERGENCY_DECISION", null);
		Instant separated = facts.deadlines()
			.stream()
			.filter(d -> d.step().equals("SEPARATION_END"))
			.map(CaseFacts.Deadline::startedAt)
			.min(Instant::compareTo)
			.orElse(null);
		Case row = new Case(facts, harmConfirmed, first(entries, "FORM_SAVED", "INITIAL_ASSESSMENT"),
				first(entries, "FORM_SAVED", "SUPPORT_PLAN"), emergency, separated);
		List<Deadline> deadlines = facts.deadlines()
			.stream()
			.map(d -> new Deadline(d.step(), d.startedAt(), d.dueAt(), d.metAt()))
			.distinct()
			.toList();
		List<AbusedChild> abused = harmConfirmed == null ? List.of() : abused(facts);
		List<Circumstance> circumstances = harmConfirmed == null ? List.of() : circumstances(facts, abused);
		return new CaseRows(row, deadlines, closures(entries), abused, circumstances, supports(facts, emergency));
	}

	/** The latest verdict's time when it confirmed the harm; null otherwise. */
	private static @Nullable Instant confirmed(List<CaseFacts.Entry> entries) {
		Instant confirmed = null;
		for (CaseFacts.Entry e : entries) {
			if (e.kind().equals("HARM_CONFIRMED")) {
				confirmed = e.at();
			}
			else if (e.kind().equals("NOT_SUBSTANTIATED")) {
				confirmed = null;
			}
		}
		return confirmed;
	}

	private static @Nullable Instant first(List<CaseFacts.Entry> entries, String kind, @Nullable String ref) {
		return entries.stream()
			.filter(e -> e.kind().equals(kind) && (ref == null || ref.equals(e.ref())))
			.map(CaseFacts.Entry::at)
			.findFirst()
			.orElse(null);
	}

	/** Each closing in order, with the reopening that followed it. */
	private static List<Closure> closures(List<CaseFacts.Entry> entries) {
		List<Closure> closures = new ArrayList<>();
		for (CaseFacts.Entry e : entries) {
			switch (e.kind()) {
				case "CLOSED", "CLOSED_BY_OVERRIDE" -> closures.add(new Closure(e.at(), true, null));
				case "NOT_SUBSTANTIATED" -> closures.add(new Closure(e.at(), false, null));
				case "REOPENED" -> {
					int last = closures.size() - 1;
					if (last >= 0 && closures.get(last).reopenedAt() == null) {
						Closure c = closures.get(last);
						closures.set(last, new Closure(c.closedAt(), c.substantiated(), e.at()));
					}
				}
				default -> {
				}
			}
		}
		// two closings at the same instant are one (the key of a closure is its time)
		return closures.stream()
			.collect(java.util.stream.Collectors.toMap(Closure::closedAt, c -> c, (a, b) -> b,
					java.util.LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	static LocalDate harmDay(CaseFacts facts) {
		Instant first = facts.reports().isEmpty() ? facts.receivedAt() : facts.reports().get(0).receivedAt();
		return first.atZone(Time.ZONE).toLocalDate();
	}

	private static List<AbusedChild> abused(CaseFacts facts) {
		LocalDate on = harmDay(facts);
		Set<String> forms = new TreeSet<>();
		facts.reports().forEach(r -> forms.addAll(r.harmForms()));
		if (forms.isEmpty()) {
			forms.add("OTHER_HARM");
		}
		String setting = facts.reports()
			.stream()
			.map(CaseFacts.Report::setting)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse("UNKNOWN");
		List<AbusedChild> rows = new ArrayList<>();
		for (CaseFacts.Child child : facts.children()) {
			for (String form : forms) {
				rows.add(new AbusedChild(child.id().value(), form, on, child.sex(), age(child, on), setting));
			}
		}
		return rows;
	}

	/**
	 * Her age on a day: from the birth date, else the birth year, else a report's guess.
	 */
	static @Nullable Integer age(CaseFacts.Child child, LocalDate on) {
		if (child.birthDate() != null) {
			return Math.max(0, Period.between(child.birthDate(), on).getYears());
		}
		if (child.birthYear() != null) {
			return Math.max(0, on.getYear() - child.birthYear());
		}
		return child.approximateAge();
	}

	private static List<Circumstance> circumstances(CaseFacts facts, List<AbusedChild> abused) {
		LocalDate ended = facts.closedAt() == null ? null : facts.closedAt().atZone(Time.ZONE).toLocalDate();
		Set<Circumstance> rows = new LinkedHashSet<>();
		for (AbusedChild a : abused) {
			String group = GROUP_OF_HARM.get(a.harmForm());
			if (group != null) {
				rows.add(new Circumstance(a.child(), group, a.harmOn(), ended));
			}
		}
		return List.copyOf(rows);
	}

	private static List<Support> supports(CaseFacts facts, @Nullable Instant emergency) {
		List<Support> rows = new ArrayList<>();
		for (CaseFacts.Child child : facts.children()) {
			for (CaseFacts.Service s : facts.services()) {
				rows.add(new Support(child.id().value(), facts.id().value() + ":S" + s.id(), s.type(), s.deliveredOn(),
						s.deliveredOn()));
			}
			if (emergency != null) {
				LocalDate on = emergency.atZone(Time.ZONE).toLocalDate();
				rows.add(new Support(child.id().value(), facts.id().value() + ":E", EMERGENCY_SUPPORT, on, on));
			}
		}
		return rows;
	}

}
