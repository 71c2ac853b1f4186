package vn.trean.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lunar calendar the seed was checked with agrees with the published dates. */
class VietnameseLunarCalendarTests {

	@Test
	void findsTheLunarNewYearsOf2025And2026() {
		assertThat(VietnameseLunarCalendar.solar(1, 1, 2025)).isEqualTo(LocalDate.of(2025, 1, 29));
		assertThat(VietnameseLunarCalendar.solar(1, 1, 2026)).isEqualTo(LocalDate.of(2026, 2, 17));
	}

	@Test
	void findsHungKingsDayOf2025And2026() {
		// 2025 has a leap sixth month, after the third: it must not shift 10/3
		assertThat(VietnameseLunarCalendar.solar(10, 3, 2025)).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(VietnameseLunarCalendar.solar(10, 3, 2026)).isEqualTo(LocalDate.of(2026, 4, 26));
	}

	@Test
	void findsTheLunarDatesTheSeedUsesFor2027() {
		assertThat(VietnameseLunarCalendar.solar(1, 1, 2027)).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(VietnameseLunarCalendar.solar(29, 12, 2026)).as("29 Chạp Bính Ngọ, the last day of the year")
			.isEqualTo(LocalDate.of(2027, 2, 5));
		assertThat(VietnameseLunarCalendar.solar(10, 3, 2027)).isEqualTo(LocalDate.of(2027, 4, 16));
	}

	@Test
	void agreesWithEarlierPublishedYears() {
		assertThat(VietnameseLunarCalendar.solar(1, 1, 2024)).isEqualTo(LocalDate.of(2024, 2, 10));
		assertThat(VietnameseLunarCalendar.solar(10, 3, 2024)).isEqualTo(LocalDate.of(2024, 4, 18));
		assertThat(VietnameseLunarCalendar.solar(1, 1, 2023)).isEqualTo(LocalDate.of(2023, 1, 22));
		assertThat(VietnameseLunarCalendar.solar(10, 3, 2023)).isEqualTo(LocalDate.of(2023, 4, 29));
	}

}
