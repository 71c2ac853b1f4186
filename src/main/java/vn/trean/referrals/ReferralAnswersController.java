package vn.trean.referrals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

/**
 * The receiving agency's inbox and steps: accept, decline, progress notes, the police's
 * forwarding and interviews, the outcome.
 */
@Controller
class ReferralAnswersController {

	private final ReferralAnswers answers;

	private final ReferralInbox inbox;

	ReferralAnswersController(ReferralAnswers answers, ReferralInbox inbox) {
		this.answers = answers;
		this.inbox = inbox;
	}

	@GetMapping("/referrals/inbox")
	String inbox(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", inbox.of(actor, Math.max(0, page)));
		return "referrals/inbox";
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/accept")
	@ShownAgainAt("/referrals/{id}")
	String accept(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			RedirectAttributes redirect) {
		answers.accept(actor, id, v.version());
		return ReferralController.done(redirect, id, "referral.accepted");
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/decline")
	@ShownAgainAt("/referrals/{id}")
	String decline(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.ReasonForm form,
			RedirectAttributes redirect) {
		answers.decline(actor, id, form.version(), new Referrals.Reason(form.reason()));
		return ReferralController.done(redirect, id, "referral.declined");
	}

	/** A progress note on the version seen. */
	record NoteForm(int version, @NotBlank @PlainText(max = 5000) String text) {
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/notes")
	@ShownAgainAt("/referrals/{id}")
	String note(Actor actor, @PathVariable ReferralId id, @Valid NoteForm form, RedirectAttributes redirect) {
		answers.noteProgress(actor, id, form.version(), new ReferralAnswers.ProgressNote(form.text()));
		return ReferralController.done(redirect, id, "referral.noted");
	}

	/*
	 * The outcome, one form per kind of report (the last part of the path names which),
	 * on the version seen.
	 */

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/complete/school")
	@ShownAgainAt("/referrals/{id}")
	String completeSchool(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid SchoolOutcome report, RedirectAttributes redirect) {
		return complete(actor, id, v, report, redirect);
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/complete/health")
	@ShownAgainAt("/referrals/{id}")
	String completeHealth(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid HealthOutcome report, RedirectAttributes redirect) {
		return complete(actor, id, v, report, redirect);
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/complete/police")
	@ShownAgainAt("/referrals/{id}")
	String completePolice(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid PoliceOutcome report, RedirectAttributes redirect) {
		return complete(actor, id, v, report, redirect);
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/complete/service")
	@ShownAgainAt("/referrals/{id}")
	String completeService(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid ServiceOutcome report, RedirectAttributes redirect) {
		return complete(actor, id, v, report, redirect);
	}

	private String complete(Actor actor, ReferralId id, ReferralController.Version v, OutcomeReport report,
			RedirectAttributes redirect) {
		answers.complete(actor, id, v.version(), new ReferralAnswers.Completion(report));
		return ReferralController.done(redirect, id, "referral.completed");
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/forwarding")
	@ShownAgainAt("/referrals/{id}")
	String forwarding(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid ReferralAnswers.Forwarding form, RedirectAttributes redirect) {
		answers.recordForwarding(actor, id, v.version(), form);
		return ReferralController.done(redirect, id, "referral.forwarding.recorded");
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/interviews")
	@ShownAgainAt("/referrals/{id}")
	String interview(Actor actor, @PathVariable ReferralId id, @Valid ReferralController.Version v,
			@Valid ReferralAnswers.Interview form, RedirectAttributes redirect) {
		answers.recordInterview(actor, id, v.version(), form);
		return ReferralController.done(redirect, id, "referral.interview.recorded");
	}

}
