package vn.trean.cases;

import java.util.EnumSet;
import java.util.Set;

import vn.trean.cases.ProtectionCase.Status;
import vn.trean.identity.Action;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.ResourceScope;
import vn.trean.shared.Verdict;

/**
 * Every step a user can take on a case: the permission it needs (decided by
 * {@code Authorization} against the case's commune) and the states it is offered in. The
 * aggregate still guards each transition; this table drives the page and the checks in
 * {@link CaseManagement}, in one place.
 */
public enum CaseStep {

	START_VERIFICATION(Action.MANAGE_CASES, EnumSet.of(Status.RECEIVED)),
	CONFIRM_HARM(Action.MANAGE_CASES, EnumSet.of(Status.RECEIVED, Status.VERIFYING)),
	NOT_SUBSTANTIATED(Action.MANAGE_CASES, EnumSet.of(Status.RECEIVED, Status.VERIFYING)),
	INITIAL_ASSESSMENT(Action.MANAGE_CASES, EnumSet.of(Status.INITIAL_ASSESSMENT, Status.NEEDS_ASSESSMENT)),
	NEEDS_ASSESSMENT(Action.MANAGE_CASES, EnumSet.of(Status.NEEDS_ASSESSMENT, Status.PLANNING)),
	DRAFT_PLAN(Action.MANAGE_CASES, EnumSet.of(Status.PLANNING)),
	SUBMIT_PLAN(Action.MANAGE_CASES, EnumSet.of(Status.PLANNING)),
	APPROVE_PLAN(Action.DECIDE_ON_CASES, EnumSet.of(Status.AWAITING_APPROVAL)),
	RETURN_PLAN(Action.DECIDE_ON_CASES, EnumSet.of(Status.AWAITING_APPROVAL)),
	EMERGENCY_DECISION(Action.DECIDE_ON_CASES,
			EnumSet.of(Status.INITIAL_ASSESSMENT, Status.NEEDS_ASSESSMENT, Status.PLANNING, Status.AWAITING_APPROVAL,
					Status.IN_IMPLEMENTATION, Status.REVIEW)),
	START_REVIEW(Action.MANAGE_CASES, EnumSet.of(Status.IN_IMPLEMENTATION)),
	CLOSING_ASSESSMENT(Action.MANAGE_CASES, EnumSet.of(Status.REVIEW)),
	CLOSE(Action.DECIDE_ON_CASES, EnumSet.of(Status.REVIEW)), NEW_CYCLE(Action.MANAGE_CASES, EnumSet.of(Status.REVIEW)),
	REOPEN(Action.DECIDE_ON_CASES, EnumSet.of(Status.CLOSED, Status.NOT_SUBSTANTIATED)),
	REQUEST_TRANSFER(Action.MANAGE_CASES,
			EnumSet.of(Status.RECEIVED, Status.VERIFYING, Status.INITIAL_ASSESSMENT, Status.NEEDS_ASSESSMENT,
					Status.PLANNING, Status.AWAITING_APPROVAL, Status.IN_IMPLEMENTATION, Status.REVIEW)),
	ACCEPT_TRANSFER(Action.MANAGE_CASES, EnumSet.of(Status.TRANSFERRING)),
	DECLINE_TRANSFER(Action.MANAGE_CASES, EnumSet.of(Status.TRANSFERRING)),
	ASSIGN(Action.DECIDE_ON_CASES, EnumSet.complementOf(EnumSet.of(Status.CLOSED, Status.NOT_SUBSTANTIATED))),
	// a closed file is kept as it was closed: anything new about the child is a reason
	// to reopen it, which starts verification again
	ADD_NOTE(Action.MANAGE_CASES, EnumSet.complementOf(EnumSet.of(Status.CLOSED, Status.NOT_SUBSTANTIATED))),
	ADD_ATTACHMENT(Action.MANAGE_CASES, EnumSet.complementOf(EnumSet.of(Status.CLOSED, Status.NOT_SUBSTANTIATED))),
	RECORD_SERVICE(Action.MANAGE_CASES, EnumSet.complementOf(EnumSet.of(Status.CLOSED, Status.NOT_SUBSTANTIATED)));

	private final Action action;

	private final Set<ProtectionCase.Status> states;

	CaseStep(Action action, Set<ProtectionCase.Status> states) {
		this.action = action;
		this.states = states;
	}

	public Action action() {
		return action;
	}

	public boolean possibleIn(ProtectionCase.Status status) {
		return states.contains(status);
	}

	/**
	 * Whether the user may take the step on the case now: {@code Authorization} allows
	 * its action where the case is (where it is being transferred to, for the answers to
	 * a transfer) and the case's state offers it. Refused with the authorization's
	 * reason, or {@code case.transition.refused} for the state.
	 */
	Verdict<Void> decide(Authorization authorization, CurrentUser user, ProtectionCase c) {
		boolean answer = this == ACCEPT_TRANSFER || this == DECLINE_TRANSFER;
		Verdict<Void> permitted = authorization.decide(user, action,
				ResourceScope.at(answer ? c.transferTo() : c.unit()));
		if (!permitted.allowed() || possibleIn(c.status())) {
			return permitted;
		}
		return Verdict.refuse(Verdict.GENERAL, "case.transition.refused");
	}

}
