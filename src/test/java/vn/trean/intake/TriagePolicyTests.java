package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TriagePolicyTests {

	private static final Instant RECEIVED = Instant.parse("2026-02-16T16:30:00Z");

	@ParameterizedTest
	@EnumSource(DangerSign.class)
	void anyDangerSignMakesAnEmergencyWithTheTwelveHourClock(DangerSign sign) {
		var triage = TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.NEGLECT), Set.of(sign), false, RECEIVED);
		assertThat(triage.urgency()).isEqualTo(Urgency.EMERGENCY);
		assertThat(triage.emergencyDecisionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(12)));
	}

	@Test
	void aDangerSignMakesAnEmergencyEvenOnACounsellingCall() {
		assertThat(TriagePolicy
			.assess(ContactType.COUNSELLING, Set.of(), Set.of(DangerSign.THREATENED_OR_SUICIDE_RISK), false, RECEIVED)
			.urgency()).isEqualTo(Urgency.EMERGENCY);
	}

	@ParameterizedTest
	@EnumSource(value = HarmForm.class, names = { "SEXUAL_RAPE", "SEXUAL_FORCIBLE", "SEXUAL_INTERCOURSE_WITH_CHILD",
			"SEXUAL_MOLESTATION", "SEXUAL_PROSTITUTION_OR_PORNOGRAPHY", "TRAFFICKING", "ABDUCTION", "ABANDONMENT" })
	void seriousHarmWithoutImmediateDangerIsHigh(HarmForm harm) {
		var triage = TriagePolicy.assess(ContactType.HARM, Set.of(harm), Set.of(), false, RECEIVED);
		assertThat(triage.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(triage.emergencyDecisionDue()).isNull();
	}

	@Test
	void aPerpetratorWhoCanReachTheChildMakesItHigh() {
		assertThat(TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.VIOLENCE), Set.of(), true, RECEIVED).urgency())
			.isEqualTo(Urgency.HIGH);
		assertThat(
				TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.VIOLENCE), Set.of(), false, RECEIVED).urgency())
			.isEqualTo(Urgency.NORMAL);
	}

	@Test
	void contactsThatAreNotAboutHarmAreNormal() {
		assertThat(TriagePolicy
			.assess(ContactType.INFORMATION_REQUEST, EnumSet.of(HarmForm.SEXUAL_RAPE), Set.of(), true, RECEIVED)
			.urgency()).isEqualTo(Urgency.NORMAL);
	}

}
