package vn.trean.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Counting working days over the seeded 2025–2026 calendar. Plain JUnit, no Spring. */
class WorkingDaysTests {

	private static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The weekday holidays and swaps of V9__working_calendar.sql for 2025 and 2026. */
	private static final WorkingDays CALENDAR = new WorkingDays(
			Stream
				.of("2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
						"2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02", "2026-01-01",
						"2026-01-02", "2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18",
						"2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-04-26", "2026-04-27",
						"2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02")
				.map(LocalDate::parse)
				.collect(java.util.stream.Collectors.toSet()),
			Set.of(LocalDate.parse("2025-04-26"), LocalDate.parse("2026-01-10"), LocalDate.parse("2026-08-22")));

	@Test
	void skipsSaturdaysAndSundays() {
		assertThat(CALENDAR.isWorkingDay(date("2026-03-07"))).as("Saturday").isFalse();
		assertThat(CALENDAR.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
		assertThat(CALENDAR.plusWorkingDays(date("2026-03-06"), 1)).isEqualTo(date("2026-03-09"));
		assertThat(CALENDAR.plusWorkingDays(date("2026-03-05"), 3)).isEqualTo(date("2026-03-10"));
	}

	@Test
	void skipsTheWholeTetBreakOf2026() {
		// from Thursday 12/2: Friday 13/2 is the first, 14–22/2 are off, then 23, 24, 25,
		// 26/2
		assertThat(CALENDAR.plusWorkingDays(date("2026-02-12"), 5)).isEqualTo(date("2026-02-26"));
		assertThat(CALENDAR.deadline(at("2026-02-12T09:00+07:00"), 5, VIET_NAM))
			.isEqualTo(at("2026-02-27T00:00+07:00"));
	}

	@Test
	void countsASwappedSaturdayAsAWorkingDay() {
		assertThat(CALENDAR.isWorkingDay(date("2025-04-26"))).isTrue();
		assertThat(CALENDAR.plusWorkingDays(date("2025-04-25"), 1)).isEqualTo(date("2025-04-26"));
		// and the Friday it was swapped with is off: 30/4, 1/5, 2/5 and the weekend
		assertThat(CALENDAR.isWorkingDay(date("2025-05-02"))).isFalse();
		assertThat(CALENDAR.plusWorkingDays(date("2025-04-29"), 1)).isEqualTo(date("2025-05-05"));
	}

	@Test
	void skipsTheCompensatoryMondayAfterHungKingsDayOnASunday() {
		assertThat(CALENDAR.plusWorkingDays(date("2026-04-24"), 1)).isEqualTo(date("2026-04-28"));
	}

	@Test
	void startLateInTheEveningCountsFromTheNextDay() {
		// Thursday 5/3/2026 23:30 in Viet Nam: Friday 6/3 is the first working day
		assertThat(CALENDAR.deadline(at("2026-03-05T23:30+07:00"), 1, VIET_NAM))
			.isEqualTo(at("2026-03-07T00:00+07:00"));
		// half an hour later it is Friday in Viet Nam (still Thursday in UTC): Monday 9/3
		assertThat(CALENDAR.deadline(at("2026-03-05T17:30Z"), 1, VIET_NAM)).isEqualTo(at("2026-03-10T00:00+07:00"));
	}

	@Test
	void startOnAWeekendOrHolidayCountsFromTheNextWorkingDay() {
		assertThat(CALENDAR.plusWorkingDays(date("2026-03-08"), 1)).as("from a Sunday").isEqualTo(date("2026-03-09"));
		assertThat(CALENDAR.plusWorkingDays(date("2026-02-14"), 1)).as("from the first day of Tết")
			.isEqualTo(date("2026-02-23"));
		assertThat(CALENDAR.plusWorkingDays(date("2026-02-17"), 2)).as("from mùng 1").isEqualTo(date("2026-02-24"));
	}

	@Test
	void neverCountsTheStartDayEvenWhenItIsAWorkingDay() {
		assertThat(CALENDAR.plusWorkingDays(date("2026-03-09"), 1)).isEqualTo(date("2026-03-10"));
	}

	@Test
	void refusesPeriodsOfZeroOrFewerWorkingDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.plusWorkingDays(date("2026-03-09"), 0));
		assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.plusWorkingDays(date("2026-03-09"), -1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CALENDAR.deadline(at("2026-03-09T08:00+07:00"), 0, VIET_NAM));
	}

	@Test
	void refusesPeriodsLongerThanTheLimit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CALENDAR.plusWorkingDays(date("2026-03-09"), WorkingDays.MAX_WORKING_DAYS + 1));
		assertThat(CALENDAR.plusWorkingDays(date("2026-03-09"), WorkingDays.MAX_WORKING_DAYS)).isAfter("2060-01-01");
	}

	@Test
	void refusesAWeekdayAsASwappedWorkingDay() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDays(Set.of(), Set.of(date("2026-03-09"))))
			.withMessageContaining("2026-03-09");
	}

	@Test
	void refusesADayThatIsBothAHolidayAndAWorkingDay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingDays(Set.of(date("2026-03-07")), Set.of(date("2026-03-07"))));
	}

	@Test
	void cannotBeChangedAfterwards() {
		Set<LocalDate> holidays = new java.util.HashSet<>(Set.of(date("2026-03-09")));
		WorkingDays days = new WorkingDays(holidays, Set.of());
		holidays.clear();
		assertThat(days.isWorkingDay(date("2026-03-09"))).isFalse();
	}

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}

	private static Instant at(String isoOffsetDateTime) {
		return OffsetDateTime.parse(isoOffsetDateTime).toInstant();
	}

}
