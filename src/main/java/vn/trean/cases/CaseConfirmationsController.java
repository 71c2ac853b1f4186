package vn.trean.cases;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.shared.ShownAgainAt;

/**
 * The confirmation pages of the steps that end something ({@link StepConfirmation}): each
 * says what will happen and sends the step again, confirmed, or goes back to the case.
 * Nothing is changed here; a step that would be refused is refused before its
 * confirmation is asked, on the case page with what the user typed.
 */
@Controller
class CaseConfirmationsController {

	private final CaseManagement cases;

	private final CaseTransfers transfers;

	private final ReferralsOnCase referrals;

	CaseConfirmationsController(CaseManagement cases, CaseTransfers transfers, ReferralsOnCase referrals) {
		this.cases = cases;
		this.transfers = transfers;
		this.referrals = referrals;
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/steps/{step}/confirm")
	@ShownAgainAt("/cases/{id}")
	String confirmStep(Actor actor, @PathVariable CaseId id, @Valid CaseController.StepRequest request, Model model) {
		CaseStep step = request.step();
		if (!StepConfirmation.NEEDED.contains(step) || step == CaseStep.REQUEST_TRANSFER) {
			throw new UnknownCase(id);
		}
		CaseView view = cases.open(actor, id);
		StepConfirmation.askable(view, step, request.version());
		CaseWorkflow.checkReason(step, request.text());
		if (step == CaseStep.CLOSE) {
			// the page asks why when some are open; the closing refuses a blank answer
			// then
			model.addAttribute("openReferrals", referrals.open(id));
			model.addAttribute("openReferralsReason", request.openReferralsReason());
		}
		return page(model, view, step, request.text(), "/cases/" + id + "/steps/" + step);
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/transfer/confirm")
	@ShownAgainAt("/cases/{id}")
	String confirmTransfer(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid CaseTransfers.Request transfer, Model model) {
		CaseView view = cases.open(actor, id);
		StepConfirmation.askable(view, CaseStep.REQUEST_TRANSFER, version);
		AdministrativeUnit to = transfers.destination(transfer);
		if (to.id().equals(view.protectionCase().unit())) {
			throw new CaseRuleBroken("case.transfer.same-unit");
		}
		model.addAttribute("toUnit", to);
		return page(model, view, CaseStep.REQUEST_TRANSFER, transfer.text(), "/cases/" + id + "/transfer");
	}

	private static String page(Model model, CaseView view, CaseStep step, String text, String action) {
		model.addAttribute("c", view.protectionCase());
		model.addAttribute("step", step);
		model.addAttribute("text", text);
		model.addAttribute("action", action);
		model.addAttribute("danger", CaseAgenda.ENDING.contains(step));
		return "cases/confirm";
	}

}
