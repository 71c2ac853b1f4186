package vn.trean.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.cases.ProtectionCase.Status;

/**
 * What the case page puts first for one user (a named policy): the decisions the case
 * waits for from the chair, each with its clock; which of them this user cannot take
 * (shown as "waiting for the chair"); whether one of those holds the case (a submitted
 * plan: nothing is the officer's next step until the chair decides); and the one step the
 * page offers as its primary action.
 * <p>
 * An emergency decision is awaited while its 12-hour clock runs once the chair may take
 * it (from the initial assessment on); it does not hold the case, since the assessment
 * goes on meanwhile. A closing is awaited once Mẫu 06 is recorded in the review. The
 * primary action is an awaited emergency decision the user may take, or else the
 * statutory next step of the state when the user may take it.
 */
public record CaseAgenda(List<AwaitedDecision> awaited, List<AwaitedDecision> waitingFor, boolean held,
		@Nullable CaseStep primary, boolean stepsOffered) {

	/**
	 * The steps that end something, styled as a warning; they are also confirmed first
	 * ({@link StepConfirmation}), like a transfer.
	 */
	static final Set<CaseStep> ENDING = EnumSet.of(CaseStep.NOT_SUBSTANTIATED, CaseStep.CLOSE,
			CaseStep.DECLINE_TRANSFER);

	/**
	 * The steps the page offers outside its list of steps: the decision on the plan (in
	 * its own section), notes, files and services (in theirs).
	 */
	private static final Set<CaseStep> OFFERED_ELSEWHERE = EnumSet.of(CaseStep.APPROVE_PLAN, CaseStep.RETURN_PLAN,
			CaseStep.ADD_NOTE, CaseStep.ADD_ATTACHMENT, CaseStep.RECORD_SERVICE);

	/** A decision the case waits for, with the clock it runs against (if any). */
	public record AwaitedDecision(CaseStep step, @Nullable CaseDeadline clock) {
	}

	public CaseAgenda {
		awaited = List.copyOf(awaited);
		waitingFor = List.copyOf(waitingFor);
	}

	static CaseAgenda of(CaseView view) {
		List<AwaitedDecision> awaited = awaited(view);
		List<AwaitedDecision> waitingFor = awaited.stream().filter(a -> !view.can(a.step())).toList();
		boolean held = waitingFor.stream().anyMatch(a -> a.step() == CaseStep.APPROVE_PLAN);
		boolean decidesEmergency = awaited.stream()
			.anyMatch(a -> a.step() == CaseStep.EMERGENCY_DECISION && view.can(a.step()));
		CaseStep next = decidesEmergency ? CaseStep.EMERGENCY_DECISION : nextStep(view.protectionCase());
		// an awaited emergency decision has its own section, like the decision on the
		// plan
		boolean stepsOffered = view.steps()
			.stream()
			.anyMatch(s -> !OFFERED_ELSEWHERE.contains(s) && !(s == CaseStep.EMERGENCY_DECISION && decidesEmergency));
		return new CaseAgenda(awaited, waitingFor, held, view.can(next) ? next : null, stepsOffered);
	}

	private static List<AwaitedDecision> awaited(CaseView view) {
		ProtectionCase c = view.protectionCase();
		List<AwaitedDecision> awaited = new ArrayList<>();
		Optional<CaseDeadline> emergency = running(view, DeadlineStep.EMERGENCY_DECISION);
		if (emergency.isPresent() && CaseStep.EMERGENCY_DECISION.possibleIn(c.status())) {
			awaited.add(new AwaitedDecision(CaseStep.EMERGENCY_DECISION, emergency.get()));
		}
		if (c.status() == Status.AWAITING_APPROVAL) {
			awaited.add(new AwaitedDecision(CaseStep.APPROVE_PLAN, running(view, DeadlineStep.APPROVAL).orElse(null)));
		}
		if (c.status() == Status.REVIEW && c.file().closing() != null) {
			awaited.add(new AwaitedDecision(CaseStep.CLOSE, null));
		}
		return awaited;
	}

	/** The statutory next step in the case's state (ND 56 Chapter III). */
	static CaseStep nextStep(ProtectionCase c) {
		return switch (c.status()) {
			case RECEIVED -> CaseStep.START_VERIFICATION;
			case VERIFYING -> CaseStep.CONFIRM_HARM;
			case INITIAL_ASSESSMENT -> CaseStep.INITIAL_ASSESSMENT;
			case NEEDS_ASSESSMENT -> CaseStep.NEEDS_ASSESSMENT;
			case PLANNING -> c.file().plan() == null ? CaseStep.DRAFT_PLAN : CaseStep.SUBMIT_PLAN;
			case AWAITING_APPROVAL -> CaseStep.APPROVE_PLAN;
			case IN_IMPLEMENTATION -> CaseStep.START_REVIEW;
			case REVIEW -> c.file().closing() == null ? CaseStep.CLOSING_ASSESSMENT : CaseStep.CLOSE;
			case CLOSED, NOT_SUBSTANTIATED -> CaseStep.REOPEN;
			case TRANSFERRING -> CaseStep.ACCEPT_TRANSFER;
		};
	}

	private static Optional<CaseDeadline> running(CaseView view, DeadlineStep step) {
		return view.deadlines().stream().filter(d -> d.step() == step && d.running()).findFirst();
	}

	/**
	 * Whether the page puts a decision with its facts before the user: an awaited
	 * emergency decision they may take, or the decision on a submitted plan.
	 */
	boolean decides(CaseView view) {
		return awaits(CaseStep.EMERGENCY_DECISION) && view.can(CaseStep.EMERGENCY_DECISION)
				|| view.can(CaseStep.APPROVE_PLAN);
	}

	/** Whether the case waits for this decision (from anyone). */
	public boolean awaits(CaseStep step) {
		return awaited.stream().anyMatch(a -> a.step() == step);
	}

	/**
	 * Whether the step's form goes to a confirmation page first
	 * ({@link StepConfirmation}).
	 */
	public boolean asksConfirmation(CaseStep step) {
		return StepConfirmation.NEEDED.contains(step);
	}

	/**
	 * The style of a step's button: {@code danger} for a step that ends something, none
	 * (primary) for the page's one primary action, {@code secondary} for the rest.
	 */
	public String styleOf(CaseStep step) {
		return ENDING.contains(step) ? "danger" : step == primary ? "" : "secondary";
	}

}
