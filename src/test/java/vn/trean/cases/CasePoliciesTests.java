package vn.trean.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trean.shared.FormErrors;
import vn.trean.shared.Time;

import static org.assertj.core.api.Assertions.assertThat;

/** The named policies: closing conditions (Mẫu 06) and the 15-day separation limit. */
class CasePoliciesTests {

	@Test
	void aCaseMayCloseOnlyWhenEveryRiskIsLowAndTheChildCanCope() {
		assertThat(ClosingPolicy.assess(new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.MEDIUM, "ok"))
			.allowed()).isTrue();
		assertThat(ClosingPolicy.assess(new ClosingAssessment(Rating.MEDIUM, Rating.LOW, Rating.LOW, Rating.HIGH, "x"))
			.reason()).isEqualTo("case.close.harm-serious");
		assertThat(ClosingPolicy.assess(new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.HIGH, Rating.HIGH, "x"))
			.reason()).isEqualTo("case.close.care-obstacles");
		assertThat(ClosingPolicy.assess(new ClosingAssessment(Rating.LOW, Rating.LOW, Rating.LOW, Rating.LOW, "x"))
			.reason()).isEqualTo("case.close.child-capacity");
		assertThat(ClosingPolicy.assess(null).reason()).isEqualTo("case.close.no-assessment");
	}

	private static EmergencyDecision separation(LocalDate start, LocalDate end, LocalDate extended, String authority) {
		return new EmergencyDecision(LocalDateTime.of(2026, 11, 20, 9, 0),
				List.of(EmergencyMeasure.TEMPORARY_SEPARATION), null, null, start, end, extended, authority,
				"Cha bạo hành");
	}

	@Test
	void aSeparationOfFifteenDaysIsAllowedAndSixteenNeedsANamedExtension() {
		LocalDate start = LocalDate.of(2026, 11, 20);
		Instant now = LocalDateTime.of(2026, 11, 21, 9, 0).atZone(Time.ZONE).toInstant();

		assertThat(separation(start, start.plusDays(15), null, null).check(now, null, 15).hasErrors()).isFalse();
		FormErrors tooLong = separation(start, start.plusDays(16), null, null).check(now, null, 15);
		assertThat(tooLong.get("separationEnd")).isEqualTo("case.separation.too-long");
		FormErrors noAuthority = separation(start, start.plusDays(16), start.plusDays(30), "").check(now, null, 15);
		assertThat(noAuthority.get("extensionAuthority")).isEqualTo("validation.required");
		assertThat(separation(start, start.plusDays(16), start.plusDays(30), "Tòa án nhân dân").check(now, null, 15)
			.hasErrors()).isFalse();
	}

	@Test
	void anEmergencyDecisionCannotBeDatedInTheFuture() {
		Instant now = LocalDateTime.of(2026, 11, 20, 8, 0).atZone(Time.ZONE).toInstant();
		FormErrors errors = separation(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null, null).check(now,
				null, 15);

		assertThat(errors.get("decidedAt")).isEqualTo("validation.date-future");
	}

}
