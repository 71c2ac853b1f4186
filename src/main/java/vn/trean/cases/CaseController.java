package vn.trean.cases;

import java.util.UUID;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trean.identity.AccessRefused;
import vn.trean.identity.Action;
import vn.trean.identity.Actor;
import vn.trean.identity.Requires;
import vn.trean.intake.ReportId;
import vn.trean.shared.PlainText;
import vn.trean.shared.ShownAgainAt;

/**
 * The case file with its timeline and the steps the user may take, and break-glass. A
 * refused step shows the case again ({@code Refusals}) with what the user typed in the
 * form it came from. The lists are {@link CaseListsController}, the official forms
 * {@link CaseFormsController}.
 */
@Controller
class CaseController {

	private final CaseManagement cases;

	private final CaseWorkflow workflow;

	private final CaseTransfers transfers;

	private final BreakGlassAccess breakGlass;

	private final CaseAlerts alerts;

	private final CasePage page;

	CaseController(CaseManagement cases, CaseWorkflow workflow, CaseTransfers transfers, BreakGlassAccess breakGlass,
			CaseAlerts alerts, CasePage page) {
		this.cases = cases;
		this.workflow = workflow;
		this.transfers = transfers;
		this.breakGlass = breakGlass;
		this.alerts = alerts;
		this.page = page;
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/from-report/{reportId}")
	String openFromReport(Actor actor, @PathVariable UUID reportId, RedirectAttributes redirect) {
		CaseId id = cases.openFromReport(actor.signedIn(), new ReportId(reportId), actor.clientAddress());
		redirect.addFlashAttribute("message", "case.opened-from-report");
		return "redirect:/cases/" + id;
	}

	// ---- the case file ----

	/**
	 * The case file, or the break-glass form for a provincial manager outside its scope.
	 * Shown again for a refused step with {@code failedStep} and {@code failedText} from
	 * what was submitted.
	 */
	@GetMapping("/cases/{id}")
	String show(Actor actor, @PathVariable CaseId id, Model model) {
		CaseView view;
		try {
			view = cases.open(actor, id);
		}
		catch (AccessRefused ex) {
			if ("case.break-glass.needed".equals(ex.reasonKey())) {
				model.addAttribute("caseId", id.value());
				return "cases/break-glass";
			}
			throw ex;
		}
		alerts.markRead(actor.signedIn(), id);
		page.describe(actor, view, model);
		showAgain(model.getAttribute("submitted"), model);
		return "cases/case";
	}

	/** Which form a refused command came from, and its text as typed. */
	private static void showAgain(Object submitted, Model model) {
		if (submitted instanceof StepRequest step) {
			failed(model, step.step(), step.text());
			model.addAttribute("failedOpenReferralsReason", step.openReferralsReason());
		}
		else if (submitted instanceof CaseWorkflow.Note note) {
			failed(model, CaseStep.ADD_NOTE, note.text());
		}
		else if (submitted instanceof CaseWorkflow.ServiceDelivered service) {
			failed(model, CaseStep.RECORD_SERVICE, service.outcome());
		}
		else if (submitted instanceof CaseTransfers.Request transfer) {
			failed(model, CaseStep.REQUEST_TRANSFER, transfer.text());
		}
		else if (submitted instanceof CaseWorkflow.Assignment) {
			failed(model, CaseStep.ASSIGN, null);
		}
	}

	private static void failed(Model model, CaseStep step, String text) {
		model.addAttribute("failedStep", step);
		model.addAttribute("failedText", text);
	}

	// ---- the steps ----

	/**
	 * A step taken with one button and at most a reason, as the case page submits it;
	 * {@code confirmed} is {@code true} when it comes from the step's confirmation page.
	 * A closing also carries the chair's reason for closing while referrals are open.
	 */
	record StepRequest(CaseStep step, int version, @PlainText(max = 10000, markup = true) String text,
			@Nullable String confirmed,
			@PlainText(max = CaseWorkflow.MAX_REASON, markup = true) @Nullable String openReferralsReason) {
	}

	/** The steps taken with one button and at most a reason. */
	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/steps/{step}")
	@ShownAgainAt("/cases/{id}")
	String step(Actor actor, @PathVariable CaseId id, @Valid StepRequest request, RedirectAttributes redirect) {
		StepConfirmation.require(request.step(), request.confirmed());
		int version = request.version();
		String text = request.text();
		switch (request.step()) {
			case START_VERIFICATION -> workflow.startVerification(actor, id, version);
			case CONFIRM_HARM -> workflow.confirmHarm(actor, id, version, text);
			case NOT_SUBSTANTIATED -> workflow.closeAsNotSubstantiated(actor, id, version, text);
			case SUBMIT_PLAN -> workflow.submitPlan(actor, id, version);
			case START_REVIEW -> workflow.startReview(actor, id, version);
			case CLOSE -> workflow.close(actor, id, version, text, request.openReferralsReason());
			case NEW_CYCLE -> workflow.startNewCycle(actor, id, version, text);
			case REOPEN -> workflow.reopen(actor, id, version, text);
			case ACCEPT_TRANSFER -> transfers.accept(actor, id, version);
			case DECLINE_TRANSFER -> transfers.decline(actor, id, version, text);
			default -> throw new UnknownCase(id);
		}
		return done(redirect, id, request.step());
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/notes")
	@ShownAgainAt("/cases/{id}")
	String note(Actor actor, @PathVariable CaseId id, @RequestParam int version, @Valid CaseWorkflow.Note note,
			RedirectAttributes redirect) {
		workflow.addNote(actor, id, version, note);
		return done(redirect, id, CaseStep.ADD_NOTE);
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/services")
	@ShownAgainAt("/cases/{id}")
	String service(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid CaseWorkflow.ServiceDelivered service, RedirectAttributes redirect) {
		workflow.recordService(actor, id, version, service);
		return done(redirect, id, CaseStep.RECORD_SERVICE);
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/transfer")
	@ShownAgainAt("/cases/{id}")
	String transfer(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String confirmed, @Valid CaseTransfers.Request transfer,
			RedirectAttributes redirect) {
		StepConfirmation.require(CaseStep.REQUEST_TRANSFER, confirmed);
		transfers.request(actor, id, version, transfer);
		return done(redirect, id, CaseStep.REQUEST_TRANSFER);
	}

	@Requires({ Action.MANAGE_CASES, Action.DECIDE_ON_CASES })
	@PostMapping("/cases/{id}/assign")
	@ShownAgainAt("/cases/{id}")
	String assign(Actor actor, @PathVariable CaseId id, @RequestParam int version,
			@Valid CaseWorkflow.Assignment assignment, RedirectAttributes redirect) {
		workflow.assign(actor, id, version, assignment);
		return done(redirect, id, CaseStep.ASSIGN);
	}

	private static String done(RedirectAttributes redirect, CaseId id, CaseStep step) {
		redirect.addFlashAttribute("message", "case.step.done." + step);
		return "redirect:/cases/" + id;
	}

	// ---- break-glass ----

	/**
	 * Opens the case under break-glass; a refused reason shows the break-glass form
	 * again.
	 */
	@Requires(Action.BREAK_GLASS)
	@PostMapping("/cases/{id}/break-glass")
	@ShownAgainAt("/cases/{id}")
	String breakGlass(Actor actor, @PathVariable CaseId id, @Valid BreakGlassAccess.Request request) {
		breakGlass.open(actor, id, request);
		return "redirect:/cases/" + id;
	}

}
