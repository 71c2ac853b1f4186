package vn.trean.cases;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trean.identity.AccessRefused;

/**
 * The steps that end something are taken only once confirmed (a named policy): closing
 * the case, closing it as not substantiated, declining a transfer, and handing the case
 * to another commune. The case page sends them first to a confirmation page that says
 * what will happen; only its second submit, which carries {@code confirmed=true}, takes
 * the step. A step posted without it is refused and nothing changes.
 */
final class StepConfirmation {

	static final Set<CaseStep> NEEDED = EnumSet.of(CaseStep.NOT_SUBSTANTIATED, CaseStep.CLOSE,
			CaseStep.DECLINE_TRANSFER, CaseStep.REQUEST_TRANSFER);

	private StepConfirmation() {
	}

	/** Refuses a step that needs confirming when it was posted unconfirmed. */
	static void require(CaseStep step, @Nullable String confirmed) {
		if (NEEDED.contains(step) && !"true".equals(confirmed)) {
			throw new CaseRuleBroken("case.confirm.missing");
		}
	}

	/**
	 * Refuses to ask for a confirmation of a step that would be refused anyway: not
	 * offered in the case's state, not the user's to take, or the case changed since the
	 * page was shown.
	 */
	static void askable(CaseView view, CaseStep step, int version) {
		ProtectionCase c = view.protectionCase();
		if (c.version() != version) {
			throw new CaseEditedConcurrently(c.id());
		}
		if (!step.possibleIn(c.status())) {
			throw new CaseRuleBroken("case.transition.refused", c.status());
		}
		if (!view.can(step)) {
			throw new AccessRefused(step.action(), "access.refused.role");
		}
	}

}
