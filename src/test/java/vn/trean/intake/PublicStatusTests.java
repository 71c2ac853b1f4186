package vn.trean.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The day a report came in is the day in Viet Nam. */
class PublicStatusTests {

	@Test
	void reportReceivedLateInTheEveningInUtcCameInTheNextDayInVietNam() {
		PublicStatus status = new PublicStatus(ReportStatus.AWAITING_VERIFICATION,
				Instant.parse("2026-03-04T18:30:00Z"));

		assertThat(status.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
	}

	@Test
	void reportReceivedJustBeforeMidnightInVietNamStaysOnThatDay() {
		PublicStatus status = new PublicStatus(ReportStatus.RECEIVED, Instant.parse("2026-03-04T16:59:59Z"));

		assertThat(status.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
	}

}
