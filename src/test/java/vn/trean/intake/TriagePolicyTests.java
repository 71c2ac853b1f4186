package vn.trean.intake;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TriagePolicyTests {

	@ParameterizedTest
	@EnumSource(DangerSign.class)
	void anyDangerSignMakesAnEmergency(DangerSign sign) {
		assertThat(TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.NEGLECT), Set.of(sign), false))
			.isEqualTo(Urgency.EMERGENCY);
	}

	@Test
	void aDangerSignMakesAnEmergencyEvenOnACounsellingCall() {
		assertThat(TriagePolicy.assess(ContactType.COUNSELLING, Set.of(), Set.of(DangerSign.THREATENED_OR_SUICIDE_RISK),
				false))
			.isEqualTo(Urgency.EMERGENCY);
	}

	@ParameterizedTest
	@EnumSource(value = HarmForm.class, names = { "SEXUAL_RAPE", "SEXUAL_FORCIBLE", "SEXUAL_INTERCOURSE_WITH_CHILD",
			"SEXUAL_MOLESTATION", "SEXUAL_PROSTITUTION_OR_PORNOGRAPHY", "TRAFFICKING", "ABDUCTION", "ABANDONMENT" })
	void seriousHarmWithoutImmediateDangerIsHigh(HarmForm harm) {
		assertThat(TriagePolicy.assess(ContactType.HARM, Set.of(harm), Set.of(), false)).isEqualTo(Urgency.HIGH);
	}

	@Test
	void aPerpetratorWhoCanReachTheChildMakesItHigh() {
		assertThat(TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.VIOLENCE), Set.of(), true))
			.isEqualTo(Urgency.HIGH);
		assertThat(TriagePolicy.assess(ContactType.HARM, Set.of(HarmForm.VIOLENCE), Set.of(), false))
			.isEqualTo(Urgency.NORMAL);
	}

	@Test
	void contactsThatAreNotAboutHarmAreNormal() {
		assertThat(
				TriagePolicy.assess(ContactType.INFORMATION_REQUEST, EnumSet.of(HarmForm.SEXUAL_RAPE), Set.of(), true))
			.isEqualTo(Urgency.NORMAL);
	}

}
