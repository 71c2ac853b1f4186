package vn.trean.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.geography.UnitId;
import vn.trean.intake.Urgency;
import vn.trean.shared.FormErrors;

/**
 * A child protection case (vụ việc) of one commune, from report to closure, as LTE Art.
 * 47–52 and ND 56 Chapter III lay it out. The aggregate owns its workflow: every
 * transition is a verb that checks the current state, refuses with a message naming it,
 * and records what happened (timeline entry, form version, clocks started or met, events)
 * for the repository to store in one transaction.
 * <p>
 * Kept whole: the aggregate reads like Decree 56 Chapter III, one verb per statutory
 * transition in the order of the process, each checking the state and recording what it
 * changed. Moved into other classes, the verbs would set the case's state from outside,
 * which is what the aggregate is there to prevent; its nested types ({@code Status},
 * {@code Change}, {@code CaseFile}) and accessors are the vocabulary those verbs share.
 */
public class ProtectionCase {

	/** Where the case stands in the statutory process. */
	public enum Status {

		/** Opened from a report (or by an officer); nobody has started checking it. */
		RECEIVED,
		/** The officer is verifying the harm, safety and risk. */
		VERIFYING,
		/** Harm confirmed; the initial assessment (Mẫu 02) is due. */
		INITIAL_ASSESSMENT,
		/** Mẫu 02 recorded; specific assessment and needs meeting (Mẫu 03) under way. */
		NEEDS_ASSESSMENT,
		/** The support/intervention plan (Mẫu 04) is being drafted. */
		PLANNING,
		/** The plan went to the chair (draft decision Mẫu 05). */
		AWAITING_APPROVAL,
		/** The chair approved the plan; the measures are carried out. */
		IN_IMPLEMENTATION,
		/** The plan is being reviewed (Mẫu 06). */
		REVIEW,
		/** Closed: the child is safe and stable, or the chair overrode with a reason. */
		CLOSED,
		/** Closed after verification: the report was not substantiated. */
		NOT_SUBSTANTIATED,
		/** Handed to another commune, waiting for it to accept. */
		TRANSFERRING;

		public boolean open() {
			return this != CLOSED && this != NOT_SUBSTANTIATED;
		}

		/** Whether the initial assessment has started (emergency measures allowed). */
		boolean assessed() {
			return compareTo(INITIAL_ASSESSMENT) >= 0 && compareTo(REVIEW) <= 0;
		}

	}

	/** Who did something. */
	public record Actor(long userId, String name) {
	}

	/** Something the repository stores with the case in the same transaction. */
	sealed interface Change {

		/** A timeline entry. */
		record Entry(String kind, String text, NoteVisibility visibility, String ref) implements Change {
		}

		/** A new version of an official form in the current cycle. */
		record FormSaved(CaseForm form, int schema, Object data) implements Change {
		}

		/** A legal clock started. */
		record ClockStarted(DeadlineStep step, Instant due, boolean unlessRunning) implements Change {

			ClockStarted(DeadlineStep step, Instant due) {
				this(step, due, false);
			}

		}

		/** Every running clock of these steps stopped as met. */
		record ClocksMet(Set<DeadlineStep> steps) implements Change {
		}

	}

	private final CaseId id;

	private final String referenceCode;

	private UnitId unit;

	private Long assignedOfficer;

	private Status status;

	private Status statusBeforeTransfer;

	private UnitId transferTo;

	private final Urgency urgency;

	private int cycle;

	private final Instant openedAt;

	private Instant closedAt;

	private final int version;

	private final boolean demo;

	private final CaseFile file;

	private final List<Change> changes = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	ProtectionCase(CaseId id, String referenceCode, UnitId unit, Long assignedOfficer, Status status,
			Status statusBeforeTransfer, UnitId transferTo, Urgency urgency, int cycle, Instant openedAt,
			Instant closedAt, int version, boolean demo, CaseFile file) {
		this.id = id;
		this.referenceCode = referenceCode;
		this.unit = unit;
		this.assignedOfficer = assignedOfficer;
		this.status = status;
		this.statusBeforeTransfer = statusBeforeTransfer;
		this.transferTo = transferTo;
		this.urgency = urgency;
		this.cycle = cycle;
		this.openedAt = openedAt;
		this.closedAt = closedAt;
		this.version = version;
		this.demo = demo;
		this.file = file;
	}

	/**
	 * The forms in force that transitions depend on, loaded with the case: the latest
	 * version of each form in the current cycle, and when the first report arrived.
	 */
	record CaseFile(Instant firstReceivedAt, SupportPlan plan, ClosingAssessment closing) {

		static CaseFile empty(Instant receivedAt) {
			return new CaseFile(receivedAt, null, null);
		}

	}

	/** Opens a case in a commune, from a report or by an officer. */
	static ProtectionCase open(CaseId id, String referenceCode, UnitId unit, Long officer, Urgency urgency, Instant now,
			Instant receivedAt, boolean demo, Actor actor, DeadlineRules rules) {
		ProtectionCase opened = new ProtectionCase(id, referenceCode, unit, officer, Status.RECEIVED, null, null,
				urgency, 1, now, null, -1, demo, CaseFile.empty(receivedAt));
		opened.entry("OPENED", null, null);
		if (urgency == Urgency.EMERGENCY) {
			opened.changes.add(new Change.ClockStarted(DeadlineStep.EMERGENCY_DECISION,
					rules.due(DeadlineStep.EMERGENCY_DECISION, receivedAt)));
		}
		opened.changes
			.add(new Change.ClockStarted(DeadlineStep.VERIFICATION, rules.due(DeadlineStep.VERIFICATION, now)));
		opened.events.add(new CaseOpened(id, unit, now));
		return opened;
	}

	// ---- verification ----

	void startVerification(Actor actor) {
		require(Status.RECEIVED);
		status = Status.VERIFYING;
		entry("VERIFICATION_STARTED", null, null);
	}

	void confirmHarm(Actor actor, String findings) {
		require(Status.RECEIVED, Status.VERIFYING);
		status = Status.INITIAL_ASSESSMENT;
		met(DeadlineStep.VERIFICATION);
		entry("HARM_CONFIRMED", findings, null);
	}

	void closeAsNotSubstantiated(Actor actor, Instant now, String reason) {
		require(Status.RECEIVED, Status.VERIFYING);
		status = Status.NOT_SUBSTANTIATED;
		closedAt = now;
		met(DeadlineStep.values());
		entry("NOT_SUBSTANTIATED", reason, null);
		events.add(new CaseClosed(id, unit, now, false));
	}

	// ---- assessments ----

	void recordInitialAssessment(Actor actor, Instant now, InitialAssessment form, DeadlineRules rules) {
		require(Status.INITIAL_ASSESSMENT, Status.NEEDS_ASSESSMENT);
		changes.add(new Change.FormSaved(CaseForm.INITIAL_ASSESSMENT, InitialAssessment.SCHEMA, form));
		if (status == Status.INITIAL_ASSESSMENT) {
			status = Status.NEEDS_ASSESSMENT;
			changes.add(new Change.ClockStarted(DeadlineStep.PLAN, rules.due(DeadlineStep.PLAN, now)));
		}
		entry("FORM_SAVED", null, CaseForm.INITIAL_ASSESSMENT.name());
		if (Boolean.TRUE.equals(form.emergencyRecommended())) {
			// the chair's decision waits on its 12-hour clock, as on a report of an
			// emergency: every page and list asks the clock
			changes.add(new Change.ClockStarted(DeadlineStep.EMERGENCY_DECISION,
					rules.due(DeadlineStep.EMERGENCY_DECISION, now), true));
			events.add(new DecisionAwaited(id, unit, DecisionAwaited.Decision.EMERGENCY));
		}
	}

	void recordNeedsAssessment(Actor actor, NeedsAssessment form) {
		require(Status.NEEDS_ASSESSMENT, Status.PLANNING);
		changes.add(new Change.FormSaved(CaseForm.NEEDS_ASSESSMENT, NeedsAssessment.SCHEMA, form));
		status = Status.PLANNING;
		entry("FORM_SAVED", null, CaseForm.NEEDS_ASSESSMENT.name());
	}

	// ---- the plan ----

	void draftPlan(Actor actor, SupportPlan plan) {
		require(Status.PLANNING);
		changes.add(new Change.FormSaved(CaseForm.SUPPORT_PLAN, SupportPlan.SCHEMA, plan));
		entry("FORM_SAVED", null, CaseForm.SUPPORT_PLAN.name());
	}

	void submitPlan(Actor actor, Instant now, DeadlineRules rules) {
		require(Status.PLANNING);
		if (file.plan() == null) {
			throw new CaseRuleBroken("case.plan.none");
		}
		status = Status.AWAITING_APPROVAL;
		met(DeadlineStep.PLAN);
		changes.add(new Change.ClockStarted(DeadlineStep.APPROVAL, rules.due(DeadlineStep.APPROVAL, now)));
		entry("PLAN_SUBMITTED", null, null);
		events.add(new DecisionAwaited(id, unit, DecisionAwaited.Decision.PLAN_APPROVAL));
	}

	/** The chair approves; returns when the next review is due. */
	Instant approvePlan(Actor chair, Instant now, PlanDecision decision, DeadlineRules rules) {
		require(Status.AWAITING_APPROVAL);
		status = Status.IN_IMPLEMENTATION;
		met(DeadlineStep.APPROVAL);
		changes.add(new Change.FormSaved(CaseForm.PLAN_DECISION, PlanDecision.SCHEMA, decision));
		Instant review = rules.due(DeadlineStep.REVIEW, now);
		changes.add(new Change.ClockStarted(DeadlineStep.REVIEW, review));
		entry("PLAN_APPROVED", decision.note(), decision.decisionNumber());
		events.add(new PlanApproved(id, unit, now));
		return review;
	}

	void returnPlan(Actor chair, Instant now, PlanDecision decision, DeadlineRules rules) {
		require(Status.AWAITING_APPROVAL);
		status = Status.PLANNING;
		met(DeadlineStep.APPROVAL);
		changes.add(new Change.FormSaved(CaseForm.PLAN_DECISION, PlanDecision.SCHEMA, decision));
		changes.add(new Change.ClockStarted(DeadlineStep.PLAN, rules.due(DeadlineStep.PLAN, now)));
		entry("PLAN_RETURNED", decision.note(), null);
	}

	// ---- emergency measures ----

	void recordEmergencyDecision(Actor chair, EmergencyDecision decision, DeadlineRules rules) {
		if (!status.assessed()) {
			throw new CaseRuleBroken("case.emergency.not-yet", status);
		}
		changes.add(new Change.FormSaved(CaseForm.EMERGENCY_DECISION, EmergencyDecision.SCHEMA, decision));
		met(DeadlineStep.EMERGENCY_DECISION, DeadlineStep.SEPARATION_END);
		if (decision.separates()) {
			changes
				.add(new Change.ClockStarted(DeadlineStep.SEPARATION_END, rules.endOfDay(decision.separationEndsOn())));
		}
		entry("EMERGENCY_DECISION", decision.reasons(), null);
	}

	// ---- review and closure ----

	void startReview(Actor actor) {
		require(Status.IN_IMPLEMENTATION);
		status = Status.REVIEW;
		met(DeadlineStep.REVIEW);
		entry("REVIEW_STARTED", null, null);
	}

	void recordClosingAssessment(Actor actor, ClosingAssessment form) {
		require(Status.REVIEW);
		changes.add(new Change.FormSaved(CaseForm.CLOSING_ASSESSMENT, ClosingAssessment.SCHEMA, form));
		entry("FORM_SAVED", null, CaseForm.CLOSING_ASSESSMENT.name());
		events.add(new DecisionAwaited(id, unit, DecisionAwaited.Decision.CLOSURE));
	}

	/**
	 * The chair closes the case: the Mẫu 06 must meet the {@link ClosingPolicy}, or the
	 * chair records an override with a reason.
	 */
	void close(Actor chair, Instant now, String overrideReason) {
		close(chair, now, overrideReason, 0, null);
	}

	/**
	 * The chair closes the case as {@link #close(Actor, Instant, String)} does; with
	 * referrals still open (which stay open: an investigation outlives the case), only
	 * with the chair's reason for closing while they run.
	 */
	void close(Actor chair, Instant now, String overrideReason, int openReferrals,
			@Nullable String openReferralsReason) {
		require(Status.REVIEW);
		vn.trean.shared.Verdict<ClosingAssessment> verdict = ClosingPolicy.assess(file.closing());
		boolean override = overrideReason != null && !overrideReason.isBlank();
		if (file.closing() == null) {
			throw new CaseRuleBroken("case.close.no-assessment");
		}
		if (!verdict.allowed() && !override) {
			throw new CaseRuleBroken(verdict.reason());
		}
		if (openReferrals > 0 && (openReferralsReason == null || openReferralsReason.isBlank())) {
			throw new InvalidCaseInput(
					new FormErrors().reject(CaseWorkflow.OPEN_REFERRALS_REASON, "case.close.referrals-open"));
		}
		status = Status.CLOSED;
		closedAt = now;
		met(DeadlineStep.values());
		entry(verdict.allowed() ? "CLOSED" : "CLOSED_BY_OVERRIDE", override ? overrideReason : null, null);
		if (openReferrals > 0) {
			entry("CLOSED_WITH_OPEN_REFERRALS", openReferralsReason, String.valueOf(openReferrals));
		}
		events.add(new CaseClosed(id, unit, now, true));
	}

	void startNewCycle(Actor actor, Instant now, String reason, DeadlineRules rules) {
		require(Status.REVIEW);
		cycle++;
		status = Status.PLANNING;
		changes.add(new Change.ClockStarted(DeadlineStep.PLAN, rules.due(DeadlineStep.PLAN, now)));
		entry("NEW_CYCLE", reason, String.valueOf(cycle));
	}

	void reopen(Actor actor, Instant now, String reason, DeadlineRules rules) {
		require(Status.CLOSED, Status.NOT_SUBSTANTIATED);
		status = Status.VERIFYING;
		closedAt = null;
		cycle++;
		changes.add(new Change.ClockStarted(DeadlineStep.VERIFICATION, rules.due(DeadlineStep.VERIFICATION, now)));
		entry("REOPENED", reason, null);
	}

	// ---- transfer between communes ----

	void requestTransfer(Actor actor, UnitId to, String reason) {
		if (!status.open() || status == Status.TRANSFERRING) {
			throw new CaseRuleBroken("case.transition.refused", status);
		}
		if (to.equals(unit)) {
			throw new CaseRuleBroken("case.transfer.same-unit");
		}
		statusBeforeTransfer = status;
		status = Status.TRANSFERRING;
		transferTo = to;
		entry("TRANSFER_REQUESTED", reason, String.valueOf(to.value()));
	}

	void acceptTransfer(Actor officer, Instant now) {
		require(Status.TRANSFERRING);
		UnitId from = unit;
		unit = transferTo;
		transferTo = null;
		status = statusBeforeTransfer;
		statusBeforeTransfer = null;
		assignedOfficer = officer.userId();
		entry("TRANSFER_ACCEPTED", null, String.valueOf(from.value()));
		events.add(new CaseTransferred(id, from, unit, now));
	}

	void declineTransfer(Actor officer, String reason) {
		require(Status.TRANSFERRING);
		UnitId declined = transferTo;
		transferTo = null;
		status = statusBeforeTransfer;
		statusBeforeTransfer = null;
		entry("TRANSFER_DECLINED", reason, String.valueOf(declined.value()));
	}

	// ---- the file ----

	void assign(Actor actor, long officer, String officerName) {
		if (!status.open()) {
			throw new CaseRuleBroken("case.transition.refused", status);
		}
		assignedOfficer = officer;
		entry("ASSIGNED", officerName, String.valueOf(officer));
	}

	/**
	 * Another report about the case's child arrived; an emergency starts the 12-hour
	 * clock unless one is already running.
	 */
	void linkReport(Actor actor, String reportId, Instant emergencyDecisionDue) {
		entry("REPORT_LINKED", null, reportId);
		if (emergencyDecisionDue != null) {
			changes.add(new Change.ClockStarted(DeadlineStep.EMERGENCY_DECISION, emergencyDecisionDue, true));
		}
	}

	void addNote(Actor actor, String text, NoteVisibility visibility) {
		requireOpen();
		changes.add(new Change.Entry("NOTE", text, visibility, null));
	}

	/**
	 * A file attached to the case, on the timeline under its name for those who may see
	 * it.
	 */
	void addAttachment(Actor actor, String fileName, NoteVisibility visibility, String attachmentId) {
		requireOpen();
		changes.add(new Change.Entry("ATTACHMENT_ADDED", fileName, visibility, attachmentId));
	}

	void recordService(Actor actor, String summary) {
		requireOpen();
		entry("SERVICE_DELIVERED", summary, null);
	}

	// ---- helpers ----

	/**
	 * A closed file is kept as it was closed: notes, files and services wait until it is
	 * reopened.
	 */
	private void requireOpen() {
		if (!status.open()) {
			throw new CaseRuleBroken("case.transition.refused", status);
		}
	}

	private void require(Status... allowed) {
		for (Status s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw new CaseRuleBroken("case.transition.refused", status);
	}

	private void met(DeadlineStep... steps) {
		changes.add(new Change.ClocksMet(Set.of(steps)));
	}

	private void entry(String kind, String text, String ref) {
		changes.add(new Change.Entry(kind, text, NoteVisibility.CASE_TEAM, ref));
	}

	public CaseId id() {
		return id;
	}

	public String referenceCode() {
		return referenceCode;
	}

	public UnitId unit() {
		return unit;
	}

	public Long assignedOfficer() {
		return assignedOfficer;
	}

	public Status status() {
		return status;
	}

	public Status statusBeforeTransfer() {
		return statusBeforeTransfer;
	}

	public UnitId transferTo() {
		return transferTo;
	}

	public Urgency urgency() {
		return urgency;
	}

	public int cycle() {
		return cycle;
	}

	public Instant openedAt() {
		return openedAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public int version() {
		return version;
	}

	public boolean demo() {
		return demo;
	}

	CaseFile file() {
		return file;
	}

	List<Change> changes() {
		return List.copyOf(changes);
	}

	List<Object> events() {
		return List.copyOf(events);
	}

}
