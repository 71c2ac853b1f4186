package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import vn.trean.directory.WorkingDays;
import vn.trean.shared.Time;

/**
 * The limits of a case's legal clocks and the arithmetic that turns a start into a due
 * time: hours, working days on the Vietnamese calendar (the start day never counts; due
 * at the end of the last day), or calendar days. A pure value: the same rules and
 * calendar always give the same deadlines.
 */
public record DeadlineRules(Map<DeadlineStep, Rule> rules, WorkingDays workingDays) {

	/** How a limit is counted. */
	public enum Unit {

		HOURS, WORKING_DAYS, DAYS

	}

	/** One step's limit; statutory ones are fixed by law and cannot be changed. */
	public record Rule(int amount, Unit unit, boolean statutory) {
	}

	public DeadlineRules {
		rules = new EnumMap<>(rules);
		for (DeadlineStep step : DeadlineStep.values()) {
			if (!rules.containsKey(step)) {
				throw new IllegalArgumentException("No rule for " + step);
			}
		}
	}

	/** When the step's clock started at {@code start} runs out. */
	public Instant due(DeadlineStep step, Instant start) {
		return due(rules.get(step), start, workingDays);
	}

	/** When a clock of this limit started at {@code start} runs out, on the calendar. */
	public static Instant due(Rule rule, Instant start, WorkingDays workingDays) {
		return switch (rule.unit()) {
			case HOURS -> start.plus(Duration.ofHours(rule.amount()));
			case WORKING_DAYS -> workingDays.deadline(start, rule.amount(), Time.ZONE);
			case DAYS ->
				start.atZone(Time.ZONE).toLocalDate().plusDays(rule.amount() + 1L).atStartOfDay(Time.ZONE).toInstant();
		};
	}

	/** The end of a calendar day in Viet Nam (the start of the next). */
	public Instant endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(Time.ZONE).toInstant();
	}

	/** The longest separation the law allows without an extension, in days. */
	int maxSeparationDays() {
		return rules.get(DeadlineStep.SEPARATION_END).amount();
	}

}
