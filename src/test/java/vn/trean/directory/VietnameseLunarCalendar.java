package vn.trean.directory;

import java.time.LocalDate;

/**
 * Lunar to solar dates of the Vietnamese calendar (Hồ Ngọc Đức's algorithm, time zone
 * UTC+7), kept in the tests only: it checks the seeded Tết and Hùng Kings' days, while
 * the application takes holidays as data from the Government's annual notice.
 */
final class VietnameseLunarCalendar {

	private static final double TIME_ZONE = 7.0;

	private static final long JULIAN_DAY_OF_EPOCH = 2440588;

	private VietnameseLunarCalendar() {
	}

	/** The solar date of a day of a (non-leap) lunar month of a lunar year. */
	static LocalDate solar(int lunarDay, int lunarMonth, int lunarYear) {
		long a11;
		long b11;
		if (lunarMonth < 11) {
			a11 = lunarMonth11(lunarYear - 1);
			b11 = lunarMonth11(lunarYear);
		}
		else {
			a11 = lunarMonth11(lunarYear);
			b11 = lunarMonth11(lunarYear + 1);
		}
		long k = (long) Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
		int offset = lunarMonth - 11;
		if (offset < 0) {
			offset += 12;
		}
		if (b11 - a11 > 365) {
			int leapOffset = leapMonthOffset(a11);
			if (offset >= leapOffset) {
				offset += 1;
			}
		}
		long monthStart = newMoonDay(k + offset);
		return LocalDate.ofEpochDay(monthStart + lunarDay - 1 - JULIAN_DAY_OF_EPOCH);
	}

	private static long julianDay(LocalDate date) {
		return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
	}

	/** The Julian day of the k-th new moon after 1/1/1900, in the time zone. */
	private static long newMoonDay(long k) {
		return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
	}

	private static double newMoon(long k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
		c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
		c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
		c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
		c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
		c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
		c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT = (t < -11) ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
				: -0.000278 + 0.000265 * t + 0.000262 * t2;
		return jd1 + c1 - deltaT;
	}

	/** The sector (0..11) of the sun's longitude at the start of the day. */
	private static int sunLongitudeSector(long dayNumber) {
		double t = (dayNumber - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
		dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
		return (int) Math.floor(l / Math.PI * 6);
	}

	/**
	 * The Julian day the 11th lunar month (the one holding the winter solstice) starts.
	 */
	private static long lunarMonth11(int year) {
		long offset = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
		long k = (long) Math.floor(offset / 29.530588853);
		long newMoon = newMoonDay(k);
		if (sunLongitudeSector(newMoon) >= 9) {
			newMoon = newMoonDay(k - 1);
		}
		return newMoon;
	}

	private static int leapMonthOffset(long a11) {
		long k = (long) Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
		int last;
		int i = 1;
		int arc = sunLongitudeSector(newMoonDay(k + i));
		do {
			last = arc;
			i++;
			arc = sunLongitudeSector(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}

}
