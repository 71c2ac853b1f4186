package vn.trean.referrals;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The receiving agency's inbox and steps: accept, decline, progress notes, the outcome.
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

	/** The outcome on the version seen. */
	record CompletionForm(int version, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
			@NotBlank @PlainText(max = 2000) String summary) {
	}

	@Requires(Action.ANSWER_REFERRALS)
	@PostMapping("/referrals/{id}/complete")
	@ShownAgainAt("/referrals/{id}")
	String complete(Actor actor, @PathVariable ReferralId id, @Valid CompletionForm form, RedirectAttributes redirect) {
		answers.complete(actor, id, form.version(), new ReferralAnswers.Completion(form.completedOn(), form.summary()));
		return ReferralController.done(redirect, id, "referral.completed");
	}

}
