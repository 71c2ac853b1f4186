package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;

import vn.trean.geography.UnitId;

/** A legal step that is late: which case, which step, since when, how far escalated. */
public record OverdueStep(CaseId caseId, String referenceCode, UnitId unit, ProtectionCase.Status status,
		Long assignedOfficer, DeadlineStep step, Instant dueAt, Escalation escalation) {

	public Duration overdueBy(Instant now) {
		return Duration.between(dueAt, now);
	}

}
