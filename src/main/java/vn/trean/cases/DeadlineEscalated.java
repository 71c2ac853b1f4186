package vn.trean.cases;

import java.util.List;

/**
 * A case's clock was escalated to a level; the users were alerted in the application and
 * are e-mailed from this event after commit. Ids only.
 */
public record DeadlineEscalated(CaseId caseId, DeadlineStep step, Escalation level, List<Long> recipients) {

	public DeadlineEscalated {
		recipients = List.copyOf(recipients);
	}

}
