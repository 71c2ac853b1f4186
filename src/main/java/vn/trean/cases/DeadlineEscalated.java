package vn.trean.cases;

import java.util.List;

/**
 * A case's clock was escalated to a level; the users were alerted in the application and
 * are e-mailed from this event after commit. Ids only; {@code deadlineId} names the clock
 * (null in events persisted before it was added).
 */
public record DeadlineEscalated(CaseId caseId, DeadlineStep step, Escalation level, List<Long> recipients,
		Long deadlineId) {

	public DeadlineEscalated {
		recipients = List.copyOf(recipients);
	}

}
