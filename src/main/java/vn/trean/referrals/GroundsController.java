package vn.trean.referrals;

import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.cases.CaseId;
import vn.trean.cases.CaseManagement;
import vn.trean.cases.CaseReferralFacts;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.printing.FormPrinter;
import vn.trean.shared.AttachmentPolicy;
import vn.trean.shared.ShownAgainAt;

/**
 * A case's grounds for sharing: its consents and legal bases, the forms to record,
 * withdraw and end them, and their printed records. A refused form is shown again on the
 * page ({@code Refusals}); the consent form takes the signed form as a file, so its
 * refusals (an upload too large included) are shown at its own address, which shows the
 * same page.
 */
@Controller
class GroundsController {

	private final SharingGrounds grounds;

	private final GroundsPage page;

	private final CaseManagement cases;

	private final CaseReferralFacts facts;

	private final GroundPrintouts printouts;

	private final FormPrinter printer;

	GroundsController(SharingGrounds grounds, GroundsPage page, CaseManagement cases, CaseReferralFacts facts,
			GroundPrintouts printouts, FormPrinter printer) {
		this.grounds = grounds;
		this.page = page;
		this.cases = cases;
		this.facts = facts;
		this.printouts = printouts;
		this.printer = printer;
	}

	@GetMapping({ "/cases/{id}/grounds", "/cases/{id}/grounds/consents" })
	String page(Actor actor, @PathVariable CaseId id, Model model) {
		page.fill(actor, id, model);
		return "referrals/grounds";
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/cases/{id}/grounds/consents")
	String recordConsent(Actor actor, @PathVariable CaseId id, @Valid GroundForms.ConsentForm form,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		AttachmentPolicy.Upload upload = file == null || file.isEmpty() ? null
				: new AttachmentPolicy.Upload(file.getOriginalFilename(), file);
		grounds.recordConsent(actor, id, form.draft(), upload, form.version());
		return done(id, "grounds.consent.recorded", redirect);
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/cases/{id}/grounds/consents/{consentId}/withdraw")
	@ShownAgainAt("/cases/{id}/grounds")
	String withdraw(Actor actor, @PathVariable CaseId id, @PathVariable long consentId,
			@Valid GroundForms.WithdrawForm form, RedirectAttributes redirect) {
		page.consentOf(id, consentId);
		grounds.withdrawConsent(actor, consentId, new Withdrawal(form.withdrawnBy(), form.withdrawalNote()));
		return done(id, "grounds.consent.withdrawn", redirect);
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/cases/{id}/grounds/bases")
	@ShownAgainAt("/cases/{id}/grounds")
	String recordBasis(Actor actor, @PathVariable CaseId id, @Valid GroundForms.BasisForm form,
			RedirectAttributes redirect) {
		grounds.recordBasis(actor, id, form.draft());
		return done(id, "grounds.basis.recorded", redirect);
	}

	@Requires(Action.HANDLE_REFERRALS)
	@PostMapping("/cases/{id}/grounds/bases/{basisId}/end")
	@ShownAgainAt("/cases/{id}/grounds")
	String endBasis(Actor actor, @PathVariable CaseId id, @PathVariable long basisId, @Valid GroundForms.EndForm form,
			RedirectAttributes redirect) {
		page.basisOf(id, basisId);
		grounds.endBasis(actor, basisId, form.endNote() == null ? "" : form.endNote());
		return done(id, "grounds.basis.ended", redirect);
	}

	@GetMapping("/cases/{id}/grounds/consents/{consentId}/print")
	Object printConsent(Actor actor, @PathVariable CaseId id, @PathVariable long consentId) {
		return print(actor, id, GroundView.Kind.CONSENT, consentId);
	}

	@GetMapping("/cases/{id}/grounds/bases/{basisId}/print")
	Object printBasis(Actor actor, @PathVariable CaseId id, @PathVariable long basisId) {
		return print(actor, id, GroundView.Kind.BASIS, basisId);
	}

	/** The printed record, read as the case's prints are: through opening the case. */
	private Object print(Actor actor, CaseId id, GroundView.Kind kind, long groundId) {
		GroundView ground = grounds.of(actor, id)
			.stream()
			.filter(g -> g.kind() == kind && g.id() == groundId)
			.findFirst()
			.orElse(null);
		if (ground == null) {
			return new ModelAndView("error/404", Map.of("reason", "print.form.missing"), HttpStatus.NOT_FOUND);
		}
		cases.open(actor, id, "PRINT " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + groundId);
		CaseReferralFacts.Facts found = facts.find(id).orElseThrow(() -> new UnknownGround("No case " + id));
		return printer.attachment(
				ground.ofConsent() ? printouts.consent(found, ground) : printouts.basis(found, ground),
				GroundPrintouts.fileName(found.code(), ground));
	}

	private static String done(CaseId id, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/cases/" + id + "/grounds";
	}

}
