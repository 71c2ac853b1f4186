package vn.trean.shared;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A day as each language writes it. */
class DatesTests {

	private final Dates dates = new Dates();

	@Test
	void vietnameseReadsDayMonthYearInDigits() {
		assertThat(dates.date(LocalDate.of(2026, 3, 5), Locale.forLanguageTag("vi"))).isEqualTo("05/03/2026");
	}

	@Test
	void englishNamesTheMonthSoThatTheDayCannotBeTakenForIt() {
		assertThat(dates.date(LocalDate.of(2026, 3, 5), Locale.ENGLISH)).isEqualTo("5 March 2026");
		assertThat(dates.date(LocalDate.of(2026, 12, 17), Locale.UK)).isEqualTo("17 December 2026");
	}

	@Test
	void noDayIsADash() {
		assertThat(dates.date(null, Locale.ENGLISH)).isEqualTo("–");
	}

}
