package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trean.directory.WorkingDays;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline arithmetic as a pure function: hours, working days on the Vietnamese calendar
 * (weekends, Tết, a swapped Saturday, a start late in the evening) and calendar days.
 */
class DeadlineRulesTests {

	/** Tết 2026: the official break from Saturday 14 to Sunday 22 February. */
	static final Set<LocalDate> TET_2026 = Set.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
			LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));

	static DeadlineRules rules(WorkingDays days) {
		Map<DeadlineStep, DeadlineRules.Rule> rules = new EnumMap<>(ProtectionCaseTests.RULES.rules());
		return new DeadlineRules(rules, days);
	}

	static Instant local(int y, int m, int d, int h, int min) {
		return LocalDateTime.of(y, m, d, h, min).atZone(Time.ZONE).toInstant();
	}

	@Test
	void theEmergencyDecisionIsDueTwelveHoursAfterTheReportWhateverTheDay() {
		Instant saturdayNight = local(2026, 2, 14, 22, 15);

		assertThat(rules(new WorkingDays(TET_2026, Set.of())).due(DeadlineStep.EMERGENCY_DECISION, saturdayNight))
			.isEqualTo(local(2026, 2, 15, 10, 15));
	}

	@Test
	void thePlanClockSkipsTheWeekend() {
		Instant thursday = local(2026, 11, 26, 9, 0);

		// Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December: due at the end of Thursday
		assertThat(rules(new WorkingDays(Set.of(), Set.of())).due(DeadlineStep.PLAN, thursday))
			.isEqualTo(local(2026, 12, 4, 0, 0));
	}

	@Test
	void thePlanClockRunsAcrossTet() {
		Instant beforeTet = local(2026, 2, 12, 10, 0);

		// Fri 13, then Tết (14–22), Mon 23, Tue 24, Wed 25, Thu 26
		assertThat(rules(new WorkingDays(TET_2026, Set.of())).due(DeadlineStep.PLAN, beforeTet))
			.isEqualTo(local(2026, 2, 27, 0, 0));
	}

	@Test
	void aSwappedSaturdayCountsAsAWorkingDay() {
		// 2025: Friday 2 May off, Saturday 26 April worked instead
		WorkingDays days = new WorkingDays(
				Set.of(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2)),
				Set.of(LocalDate.of(2025, 4, 26)));
		Instant friday = local(2025, 4, 25, 15, 0);

		// Sat 26 (swapped), Mon 28, Tue 29, then the holidays, Mon 5, Tue 6
		assertThat(rules(days).due(DeadlineStep.PLAN, friday)).isEqualTo(local(2025, 5, 7, 0, 0));
	}

	@Test
	void aStartAtHalfPastElevenInTheEveningCountsFromTheNextDay() {
		Instant lateMonday = local(2026, 11, 23, 23, 30);
		Instant earlyMonday = local(2026, 11, 23, 0, 5);
		DeadlineRules rules = rules(new WorkingDays(Set.of(), Set.of()));

		assertThat(rules.due(DeadlineStep.PLAN, lateMonday)).isEqualTo(local(2026, 12, 1, 0, 0));
		assertThat(rules.due(DeadlineStep.PLAN, earlyMonday)).isEqualTo(rules.due(DeadlineStep.PLAN, lateMonday));
	}

	@Test
	void theReviewIntervalCountsCalendarDaysToTheEndOfTheLastDay() {
		Instant approved = local(2026, 11, 26, 16, 0);

		assertThat(rules(new WorkingDays(Set.of(), Set.of())).due(DeadlineStep.REVIEW, approved))
			.isEqualTo(local(2027, 2, 25, 0, 0));
	}

	@Test
	void aRuleInHoursCountsTheHoursWhateverTheCalendar() {
		DeadlineRules.Rule twelveHours = new DeadlineRules.Rule(12, DeadlineRules.Unit.HOURS, false);
		Instant saturdayNight = local(2026, 2, 14, 22, 15);

		assertThat(DeadlineRules.due(twelveHours, saturdayNight, new WorkingDays(TET_2026, Set.of())))
			.isEqualTo(local(2026, 2, 15, 10, 15));
	}

	@Test
	void aRuleInWorkingDaysSkipsTheWeekendAndTheHolidaysOfTheCalendarItIsGiven() {
		DeadlineRules.Rule twoWorkingDays = new DeadlineRules.Rule(2, DeadlineRules.Unit.WORKING_DAYS, false);
		Instant friday = local(2026, 2, 13, 9, 0);

		// the weekend alone: Mon 16, Tue 17
		assertThat(DeadlineRules.due(twoWorkingDays, friday, new WorkingDays(Set.of(), Set.of())))
			.isEqualTo(local(2026, 2, 18, 0, 0));
		// the weekend, then Tết (16–20), the weekend: Mon 23, Tue 24
		assertThat(DeadlineRules.due(twoWorkingDays, friday, new WorkingDays(TET_2026, Set.of())))
			.isEqualTo(local(2026, 2, 25, 0, 0));
	}

	@Test
	void aRuleInDaysEndsAtTheEndOfTheLastCalendarDayWhateverTheWorkingDays() {
		DeadlineRules.Rule fifteenDays = new DeadlineRules.Rule(15, DeadlineRules.Unit.DAYS, false);
		Instant beforeTet = local(2026, 2, 12, 23, 30);

		assertThat(DeadlineRules.due(fifteenDays, beforeTet, new WorkingDays(TET_2026, Set.of())))
			.isEqualTo(local(2026, 2, 28, 0, 0))
			.isEqualTo(DeadlineRules.endOfDay(LocalDate.of(2026, 2, 27)));
	}

	@Test
	void aStepsDeadlineIsItsRuleOnItsCalendar() {
		WorkingDays tet = new WorkingDays(TET_2026, Set.of());
		DeadlineRules rules = rules(tet);
		Instant start = local(2026, 2, 12, 10, 0);

		for (DeadlineStep step : DeadlineStep.values()) {
			assertThat(rules.due(step, start)).as(step.name())
				.isEqualTo(DeadlineRules.due(rules.rules().get(step), start, tet));
		}
	}

}
