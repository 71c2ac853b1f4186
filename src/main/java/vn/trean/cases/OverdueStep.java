package vn.trean.cases;

import java.time.Duration;
import java.time.Instant;

import vn.trean.geography.UnitId;

/**
 * A legal step that is late: the case as its list line shows it, which step, since when,
 * how far escalated.
 */
public record OverdueStep(CaseSummary line, DeadlineStep step, Instant dueAt, Escalation escalation) {

	public CaseId caseId() {
		return line.id();
	}

	public String referenceCode() {
		return line.referenceCode();
	}

	public UnitId unit() {
		return line.unit();
	}

	public Duration overdueBy(Instant now) {
		return Duration.between(dueAt, now);
	}

	/** The same step without the child, for a viewer who may not see her. */
	OverdueStep withoutChild() {
		return new OverdueStep(line.withoutChild(), step, dueAt, escalation);
	}

}
