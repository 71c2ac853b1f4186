package vn.trean.referrals;

import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.cases.CaseId;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.ShownAgainAt;

/**
 * The referral's page, for the sending commune and the receiving agency alike (each sees
 * its share), and the sending commune's steps: draft, send, withdraw, re-send.
 */
@Controller
class ReferralController {

	private final Referrals referrals;

	private final ReferralShare share;

	private final ReferralPages pages;

	private final OutcomePages outcomes;

	ReferralController(Referrals referrals, ReferralShare share, ReferralPages pages, OutcomePages outcomes) {
		this.outcomes = outcomes;
		this.referrals = referrals;
		this.share = share;
		this.pages = pages;
	}

	@GetMapping("/cases/{caseId}/referrals/new")
	String newForm(Actor actor, @PathVariable CaseId caseId, Model model) {
		ReferralPages.DraftChoices choices = pages.draftChoices(actor, caseId);
		model.addAttribute("choices", choices);
		model.addAttribute("caseId", caseId);
		model.addAttribute("purposes", SharingPurpose.values());
		if (!(model.getAttribute("submitted") instanceof DraftForm)) {
			Long child = choices.children().size() == 1 ? choices.children().keySet().iterator().next() : null;
			model.addAttribute("submitted", new DraftForm(child, null, Set.of(), null, null, "", null, null, null, null,
					null, null, null, false));
		}
		return "referrals/new";
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/cases/{caseId}/referrals")
	@ShownAgainAt("/cases/{caseId}/referrals/new")
	String draft(Actor actor, @PathVariable CaseId caseId, @Valid DraftForm form, RedirectAttributes redirect) {
		ReferralId id = referrals.draft(actor, caseId, form);
		redirect.addFlashAttribute("message", "referral.drafted");
		return "redirect:/referrals/" + id;
	}

	@GetMapping("/referrals/{id}")
	String page(Actor actor, @PathVariable ReferralId id, Model model) {
		SharedReferral shared = share.share(actor, id, ReferralShare.Channel.PAGE, Set.of());
		model.addAttribute("r", shared);
		Set<ReferralStep> steps = pages.steps(actor, id);
		model.addAttribute("steps", steps);
		model.addAttribute("outcomeForms", outcomes.of(id, steps, model.getAttribute("submitted")));
		if (shared.side() == ReferralStep.Side.SENDER && shared.envelope().status() == Referral.Status.DECLINED) {
			model.addAttribute("resendAgencies", pages.resendAgencies(id));
		}
		if (shared.envelope().status() == Referral.Status.DRAFT) {
			model.addAttribute("groundInForce", pages.groundInForce(id));
		}
		return "referrals/referral";
	}

	/** The version of the referral a step was taken on. */
	record Version(int version) {
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/referrals/{id}/send")
	@ShownAgainAt("/referrals/{id}")
	String send(Actor actor, @PathVariable ReferralId id, @Valid Version v, RedirectAttributes redirect) {
		referrals.send(actor, id, v.version());
		return done(redirect, id, "referral.sent");
	}

	/** A reason given on the version seen. */
	record ReasonForm(int version,
			@jakarta.validation.constraints.NotBlank @vn.trean.shared.PlainText(max = 2000) String reason) {
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/referrals/{id}/withdraw")
	@ShownAgainAt("/referrals/{id}")
	String withdraw(Actor actor, @PathVariable ReferralId id, @Valid ReasonForm form, RedirectAttributes redirect) {
		referrals.withdraw(actor, id, form.version(), new Referrals.Reason(form.reason()));
		return done(redirect, id, "referral.withdrawn");
	}

	/** Another agency for a declined referral. */
	record ResendForm(int version, Long agency) {
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/referrals/{id}/resend")
	@ShownAgainAt("/referrals/{id}")
	String resend(Actor actor, @PathVariable ReferralId id, @Valid ResendForm form, RedirectAttributes redirect) {
		ReferralId next = referrals.resend(actor, id, form.version(), new Referrals.Resending(form.agency()));
		return done(redirect, next, "referral.drafted");
	}

	static String done(RedirectAttributes redirect, ReferralId id, String message) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/referrals/" + id;
	}

}
