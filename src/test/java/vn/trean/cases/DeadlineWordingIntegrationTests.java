package vn.trean.cases;

import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines as pages show them: a clock counted in working days by its last day, a clock
 * counted in hours by its date, hour and minute, never seconds.
 */
@IntegrationTest
class DeadlineWordingIntegrationTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	DeadlineWording deadlines;

	@Test
	void showsAWorkingDayDeadlineAsTheEndOfItsLastDay() {
		var midnight = LocalDateTime.of(2026, 12, 10, 0, 0).atZone(Time.ZONE).toInstant();

		assertThat(deadlines.due(DeadlineStep.PLAN, midnight, VI)).isEqualTo("hạn cuối: hết ngày 09/12/2026");
		assertThat(deadlines.due(DeadlineStep.PLAN, midnight, Locale.ENGLISH))
			.isEqualTo("due by the end of 09/12/2026");
	}

	@Test
	void showsAnHourDeadlineToTheMinuteWithoutSeconds() {
		var due = LocalDateTime.of(2026, 12, 9, 21, 30, 15).atZone(Time.ZONE).toInstant();
		var midnight = LocalDateTime.of(2026, 12, 10, 0, 0).atZone(Time.ZONE).toInstant();

		assertThat(deadlines.due(DeadlineStep.EMERGENCY_DECISION, due, VI)).isEqualTo("hạn cuối: 09/12/2026 21:30");
		assertThat(deadlines.due(DeadlineStep.EMERGENCY_DECISION, midnight, Locale.ENGLISH))
			.isEqualTo("due by 10/12/2026 00:00");
	}

	@Test
	void showsADayDeadlineNotAtMidnightToTheMinute() {
		var afternoon = LocalDateTime.of(2026, 12, 9, 14, 5).atZone(Time.ZONE).toInstant();

		assertThat(deadlines.due(DeadlineStep.PLAN, afternoon, VI)).isEqualTo("hạn cuối: 09/12/2026 14:05");
	}

}
