package vn.trean.cases;

import java.time.Instant;

/** One legal clock of a case. */
public record CaseDeadline(long id, CaseId caseId, DeadlineStep step, Instant startedAt, Instant dueAt, Instant metAt,
		Escalation escalation) {

	public boolean running() {
		return metAt == null;
	}

	public boolean overdue(Instant now) {
		return metAt == null && dueAt.isBefore(now);
	}

}
