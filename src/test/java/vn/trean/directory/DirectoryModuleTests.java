package vn.trean.directory;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory with the modules it depends on (geography, identity): the working
 * calendar read from the database counts deadlines over the seeded public holidays.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
class DirectoryModuleTests {

	@Autowired
	WorkingCalendar calendar;

	@Test
	void countsAWorkingDayDeadlineOverTheSeededTetBreak() {
		WorkingDays days = calendar.current();
		// Thursday 12 February 2026, the last working days before Tết are Friday the
		// 13th and the break runs 14 to 22 February
		ZonedDateTime lateOnThursday = LocalDate.of(2026, 2, 12).atTime(22, 30).atZone(Time.ZONE);

		assertThat(days.plusWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
		assertThat(days.deadline(lateOnThursday.toInstant(), 2, Time.ZONE))
			.isEqualTo(LocalDate.of(2026, 2, 24).atStartOfDay(Time.ZONE).toInstant());
	}

}
