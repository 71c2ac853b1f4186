package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;

/** A line of a case list: where it stands and its next legal deadline. */
public record CaseSummary(CaseId id, String referenceCode, UnitId unit, ProtectionCase.Status status, Urgency urgency,
		Instant nextDeadline, DeadlineStep nextStep, Long assignedOfficer, Instant openedAt, UnitId transferTo) {

	/** Time left to the next deadline (negative when passed), or null without one. */
	public Duration timeLeft(Instant now) {
		return nextDeadline == null ? null : Duration.between(now, nextDeadline);
	}

}
