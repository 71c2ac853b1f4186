package vn.trean.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Which days public bodies work, for deadlines set in working days ("within 5 working
 * days"): Monday to Friday unless a public holiday, plus the Saturdays and Sundays the
 * Government swapped in as working days. Immutable; {@link WorkingCalendar#current()}
 * gives the one the administrators maintain.
 *
 * @param holidays days off: public holidays, compensatory and swapped days off (weekend
 * days among them change nothing)
 * @param swappedWorkingDays Saturdays and Sundays that are worked
 */
public record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> swappedWorkingDays) {

	/** The most working days one deadline may count (about 40 years). */
	public static final int MAX_WORKING_DAYS = 10_000;

	public WorkingDays {
		holidays = Set.copyOf(holidays);
		swappedWorkingDays = Set.copyOf(swappedWorkingDays);
		for (LocalDate day : swappedWorkingDays) {
			if (!isWeekend(day)) {
				throw new IllegalArgumentException("A swapped working day must be a Saturday or Sunday: " + day);
			}
			if (holidays.contains(day)) {
				throw new IllegalArgumentException("A day cannot be both a holiday and a working day: " + day);
			}
		}
	}

	public boolean isWorkingDay(LocalDate day) {
		Objects.requireNonNull(day, "day");
		return swappedWorkingDays.contains(day) || (!isWeekend(day) && !holidays.contains(day));
	}

	/**
	 * The {@code n}-th working day after {@code start}. The start day itself never
	 * counts, whether or not it is a working day (Civil Code art. 147: a period in days
	 * starts on the next day).
	 * @throws IllegalArgumentException unless {@code 1 <= n <= MAX_WORKING_DAYS}: a
	 * period of zero working days has no meaning in law, and a negative one is a mistake
	 */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		Objects.requireNonNull(start, "start");
		if (n < 1 || n > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException(
					"A period counts between 1 and " + MAX_WORKING_DAYS + " working days, not " + n);
		}
		LocalDate day = start;
		int counted = 0;
		while (counted < n) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The moment a period of working days ends: the end of the {@code workingDays}-th
	 * working day after the day {@code start} falls on in {@code zone}, that is 00:00 of
	 * the next calendar day there. A start late in the evening still counts from the next
	 * day.
	 * @throws IllegalArgumentException as {@link #plusWorkingDays}
	 */
	public Instant deadline(Instant start, int workingDays, ZoneId zone) {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(zone, "zone");
		LocalDate startDay = start.atZone(zone).toLocalDate();
		return plusWorkingDays(startDay, workingDays).plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static boolean isWeekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
