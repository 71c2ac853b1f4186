package vn.trean.cases;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import vn.trean.children.ChildId;

/**
 * A case as one user may read it: the case, the timeline entries visible to them, its
 * clocks, linked reports and children, the forms in force, and the steps they may take.
 */
public record CaseView(ProtectionCase protectionCase, List<TimelineEntry> timeline, List<CaseDeadline> deadlines,
		List<UUID> reports, List<ChildId> children, Forms forms, Set<CaseStep> steps, Set<NoteVisibility> visibility,
		boolean breakGlass) {

	/** The latest version of each form. */
	public record Forms(StoredForm<InitialAssessment> initialAssessment, StoredForm<NeedsAssessment> needsAssessment,
			StoredForm<SupportPlan> plan, StoredForm<PlanDecision> planDecision,
			StoredForm<EmergencyDecision> emergencyDecision, StoredForm<ClosingAssessment> closing) {
	}

	/**
	 * Whether the user may take the step now; pages ask with the constant, e.g.
	 * {@code view.can(Step.ASSIGN)} where {@code Step} is
	 * {@code T(vn.trean.cases.CaseStep)}.
	 */
	public boolean can(CaseStep step) {
		return steps.contains(step);
	}

}
