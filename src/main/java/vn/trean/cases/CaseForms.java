package vn.trean.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trean.cases.ProtectionCase.Status;
import vn.trean.identity.AccessRefused;
import vn.trean.identity.Actor;
import vn.trean.identity.Authorization;
import vn.trean.identity.CurrentUser;
import vn.trean.shared.Time;
import vn.trean.shared.Verdict;

/**
 * The official forms of a case (Mẫu 02–06 and the emergency decision), each a step of its
 * own ({@link CaseChanges}). The rules of a single field are the forms' constraints,
 * checked where the form is bound; the rules that span fields or need the clock are the
 * forms' {@code check} methods, checked here.
 */
@Service
@Transactional
public class CaseForms {

	private final CaseChanges changes;

	private final DeadlineSettings settings;

	private final PlanAgencies agencies;

	private final Authorization authorization;

	private final StoredForms stored;

	private final Clock clock;

	CaseForms(CaseChanges changes, DeadlineSettings settings, PlanAgencies agencies, Authorization authorization,
			StoredForms stored, Clock clock) {
		this.changes = changes;
		this.settings = settings;
		this.agencies = agencies;
		this.authorization = authorization;
		this.stored = stored;
		this.clock = clock;
	}

	/**
	 * Whether the user may save the form on the case now, by the rule of the step that
	 * saves it ({@link CaseStep#decide}); else why not, in the words the read-only view
	 * and the refusal show: the role, the commune, a closed case, or a state without the
	 * step.
	 */
	Verdict<Void> maySave(CurrentUser user, ProtectionCase c, CaseForm form) {
		Verdict<Void> step = form.step().decide(authorization, user, c);
		if (step.allowed()) {
			return step;
		}
		boolean closed = c.status() == Status.CLOSED || c.status() == Status.NOT_SUBSTANTIATED;
		return Verdict.refuse(Verdict.GENERAL, switch (step.reason()) {
			case "access.refused.role" -> "case.form.read-only.role";
			case "case.transition.refused" -> closed ? "case.form.read-only.closed" : "case.form.read-only.state";
			default -> "case.form.read-only.commune";
		});
	}

	/**
	 * Refuses a user who may not save the form now, before anything they sent is read: a
	 * 403 whose audit entry names the case and the form. A user who may save the form but
	 * sends it in a state where it is not saved (a decision sent twice, a page left open
	 * while the case moved on) passes here: the step itself refuses it as a conflict that
	 * names the state (409), which is what happened, not a lack of rights.
	 */
	@Transactional(readOnly = true)
	public void requireMaySave(Actor actor, CaseId id, CaseForm form) {
		Verdict<Void> may = maySave(actor.signedIn(), changes.load(id), form);
		if (!may.allowed() && !"case.form.read-only.state".equals(may.reason())) {
			throw new AccessRefused(form.step().action(), may.reason(), "CASE", id.toString(), "FORM " + form.name());
		}
	}

	/** Every saved version of the form on a case the user has opened, newest first. */
	@Transactional(readOnly = true)
	List<StoredForm<Void>> versions(CaseView view, CaseForm form) {
		return stored.versions(view.protectionCase().id(), form);
	}

	/** One saved version of the form on a case the user has opened, if there is one. */
	@Transactional(readOnly = true)
	Optional<StoredForm<?>> version(CaseView view, CaseForm form, int cycle, int version) {
		return stored.version(view.protectionCase().id(), form, cycle, version);
	}

	public void recordInitialAssessment(Actor actor, CaseId id, int version, InitialAssessment form) {
		InvalidCaseInput.check(form.check());
		changes.change(actor, id, version, CaseStep.INITIAL_ASSESSMENT,
				(c, a) -> c.recordInitialAssessment(a, changes.now(), form, settings.current()));
	}

	public void recordNeedsAssessment(Actor actor, CaseId id, int version, NeedsAssessment form) {
		InvalidCaseInput.check(form.check(today()));
		changes.change(actor, id, version, CaseStep.NEEDS_ASSESSMENT, (c, a) -> c.recordNeedsAssessment(a, form));
	}

	/**
	 * Saves the plan without its blank rows, each chosen agency named as the directory
	 * names it now; errors are keyed by the rows as typed.
	 */
	public void draftPlan(Actor actor, CaseId id, int version, SupportPlan plan) {
		InvalidCaseInput.check(plan.check());
		SupportPlan named = agencies.named(plan, changes.load(id).unit()).withoutBlankRows();
		changes.change(actor, id, version, CaseStep.DRAFT_PLAN, (c, a) -> c.draftPlan(a, named));
	}

	/** The chair approves the submitted plan or returns it with reasons. */
	public void decideOnPlan(Actor actor, CaseId id, int version, PlanDecision decision) {
		InvalidCaseInput.check(decision.check(today()));
		changes.change(actor, id, version, decision.approved() ? CaseStep.APPROVE_PLAN : CaseStep.RETURN_PLAN,
				(c, a) -> {
					if (decision.approved()) {
						c.approvePlan(a, changes.now(), decision, settings.current());
					}
					else {
						c.returnPlan(a, changes.now(), decision, settings.current());
					}
				});
	}

	public void recordEmergencyDecision(Actor actor, CaseId id, int version, EmergencyDecision decision) {
		ProtectionCase c = changes.load(id);
		DeadlineRules rules = settings.current();
		InvalidCaseInput.check(decision.check(changes.now(), c.file().firstReceivedAt(), rules.maxSeparationDays()));
		changes.change(actor, id, version, CaseStep.EMERGENCY_DECISION,
				(k, a) -> k.recordEmergencyDecision(a, decision, rules));
	}

	public void recordClosingAssessment(Actor actor, CaseId id, int version, ClosingAssessment form) {
		changes.change(actor, id, version, CaseStep.CLOSING_ASSESSMENT, (c, a) -> c.recordClosingAssessment(a, form));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Time.ZONE));
	}

}
