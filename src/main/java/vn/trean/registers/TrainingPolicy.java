package vn.trean.registers;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.trean.geography.UnitId;
import vn.trean.registers.RegisterRules.UnitStanding;
import vn.trean.shared.FormErrors;
import vn.trean.shared.PlainText;
import vn.trean.shared.Verdict;

/**
 * The rules of a training's entry beyond its fields' own: a unit in force in the user's
 * province, a training held by today, participants on the roster of the training's unit,
 * counts by role and sex that are whole numbers and, when participants are chosen too,
 * agree with them; and someone at all.
 */
final class TrainingPolicy {

	private TrainingPolicy() {
	}

	/**
	 * A training as its form submits it; the counts by role and sex come as fields of
	 * their own ({@link #countField}), added with {@link TrainingEntry#addCounts} once
	 * bound, into the entry itself so that a refused form shows them again as typed.
	 */
	record TrainingEntry(String unit, String heldOn, @NotBlank @PlainText(max = 300) String topic,
			@NotBlank @PlainText(max = 200) String organiser, @NotNull TrainingKind kind, List<String> participants,
			Map<String, String> counts) {

		TrainingEntry {
			counts = counts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(counts);
		}

		static TrainingEntry blank(String unit) {
			return new TrainingEntry(unit, null, null, null, null, List.of(), Map.of());
		}

		/** Takes the counts by role and sex from the fields of the request. */
		TrainingEntry addCounts(Map<String, String> fields) {
			fields.forEach((name, value) -> {
				if (name.startsWith("count-")) {
					counts.put(name, value);
				}
			});
			return this;
		}

		/** The same entry at another unit (a correction keeps the training's). */
		TrainingEntry at(UnitId other) {
			return new TrainingEntry(other.toString(), heldOn, topic, organiser, kind, participants, counts);
		}

		public boolean hasParticipant(Object id) {
			return participants != null && participants.contains(String.valueOf(id));
		}

	}

	record NewTraining(UnitId unit, LocalDate heldOn, String topic, String organiser, TrainingKind kind,
			Set<Long> participants, Map<WorkforceRole, Map<Sex, Integer>> tally) {
	}

	/** A roster entry as a training's participant list needs it. */
	record RosterEntry(long id, WorkforceRole role, Sex sex) {
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
		return training(e, today, units, roster, null);
	}

	/** A training as typed in a language ({@link vn.trean.shared.NumberInput}). */
	static Verdict<NewTraining> training(TrainingEntry e, LocalDate today, Function<UnitId, UnitStanding> units,
			Function<Long, Optional<RosterEntry>> roster, Locale locale) {
		FormErrors errors = new FormErrors();
		UnitId unit = RegisterRules.unit(e.unit(), units, errors);
		LocalDate heldOn = RegisterRules.date(e.heldOn(), "heldOn", true, today, errors);
		Map<WorkforceRole, Map<Sex, Integer>> typed = typed(e.counts() == null ? Map.of() : e.counts(), locale, errors);
		Set<Long> participants = new LinkedHashSet<>();
		Map<WorkforceRole, Map<Sex, Integer>> fromRoster = fromRoster(e.participants(), roster, participants, errors);
		if (typed != null && !participants.isEmpty() && !errors.has("counts") && !errors.has("participants")
				&& !tally(typed).equals(tally(fromRoster))) {
			errors.reject("counts", "registers.training.counts-mismatch");
		}
		if (typed == null && participants.isEmpty()) {
			errors.reject("counts", "registers.training.no-participants");
		}
		return new Verdict<>(new NewTraining(unit, heldOn, RegisterRules.text(e.topic()),
				RegisterRules.text(e.organiser()), e.kind(), participants, typed != null ? typed : fromRoster), errors);
	}

	/** The counts typed by role and sex (blank is 0), or {@code null} when none is. */
	private static Map<WorkforceRole, Map<Sex, Integer>> typed(Map<String, String> counts, Locale locale,
			FormErrors errors) {
		Map<WorkforceRole, Map<Sex, Integer>> typed = new EnumMap<>(WorkforceRole.class);
		boolean anyTyped = false;
		for (WorkforceRole role : WorkforceRole.values()) {
			for (Sex sex : Sex.values()) {
				String text = counts.get(countField(role, sex));
				Integer n = RegisterRules.count(text, "counts", false, locale, errors);
				anyTyped |= text != null && !text.isBlank();
				typed.computeIfAbsent(role, r -> new EnumMap<>(Sex.class)).put(sex, n == null ? 0 : n);
			}
		}
		return anyTyped ? typed : null;
	}

	/** The participants chosen, each once, counted by role and sex. */
	private static Map<WorkforceRole, Map<Sex, Integer>> fromRoster(List<String> chosen,
			Function<Long, Optional<RosterEntry>> roster, Set<Long> participants, FormErrors errors) {
		Map<WorkforceRole, Map<Sex, Integer>> counted = new EnumMap<>(WorkforceRole.class);
		for (String id : chosen == null ? List.<String>of() : chosen) {
			Optional<RosterEntry> member = id != null && id.strip().matches("[0-9]{1,18}")
					? roster.apply(Long.parseLong(id.strip())) : Optional.empty();
			if (member.isEmpty()) {
				errors.reject("participants", "registers.training.unknown-member");
			}
			else if (participants.add(member.get().id())) {
				counted.computeIfAbsent(member.get().role(), r -> new EnumMap<>(Sex.class))
					.merge(member.get().sex(), 1, Integer::sum);
			}
		}
		return counted;
	}

	/** Counts by role and sex without the zeros, to compare two of them. */
	static Map<WorkforceRole, Map<Sex, Integer>> tally(Map<WorkforceRole, Map<Sex, Integer>> counts) {
		Map<WorkforceRole, Map<Sex, Integer>> result = new EnumMap<>(WorkforceRole.class);
		counts.forEach((role, bySex) -> bySex.forEach((sex, n) -> {
			if (n > 0) {
				result.computeIfAbsent(role, r -> new EnumMap<>(Sex.class)).put(sex, n);
			}
		}));
		return result;
	}

}
