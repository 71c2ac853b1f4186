package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.trean.directory.WorkingDays;
import vn.trean.intake.Urgency;

import static org.assertj.core.api.Assertions.assertThat;

/** The urgency → clock decision the case work makes for every report. */
class EmergencyDecisionClockTests {

	private static final Instant RECEIVED = Instant.parse("2026-02-16T16:30:00Z");

	private static final DeadlineRules RULES = DeadlineRulesTests
		.rules(new WorkingDays(DeadlineRulesTests.TET_2026, Set.of()));

	@Test
	void anEmergencyIsDueForDecisionTwelveHoursAfterItWasReceived() {
		assertThat(EmergencyDecisionClock.decisionDue(Urgency.EMERGENCY, RECEIVED, RULES))
			.isEqualTo(RECEIVED.plus(Duration.ofHours(12)));
	}

	@ParameterizedTest
	@EnumSource(value = Urgency.class, names = { "HIGH", "NORMAL" })
	void noOtherUrgencyStartsTheClock(Urgency urgency) {
		assertThat(EmergencyDecisionClock.decisionDue(urgency, RECEIVED, RULES)).isNull();
	}

}
