package vn.trean.cases;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.trean.identity.Actor;
import vn.trean.shared.Verdict;

/**
 * The read-only views of a case's saved forms, for everyone who may read the case: the
 * latest version and each earlier one. Reading goes through
 * {@link CaseManagement#open(Actor, CaseId, String)}, so each view writes an access entry
 * naming the form and version. An address that names no form or version is not found.
 */
@Controller
class SavedFormsController {

	private final CaseManagement cases;

	private final CaseForms forms;

	private final SavedFormPage page;

	SavedFormsController(CaseManagement cases, CaseForms forms, SavedFormPage page) {
		this.cases = cases;
		this.forms = forms;
		this.page = page;
	}

	@GetMapping("/cases/{id}/forms/{form}/saved")
	String latest(Actor actor, @PathVariable CaseId id, @PathVariable String form, Model model) {
		CaseForm which = CaseForm.byPath(form).orElseThrow(() -> new UnknownCase(id));
		CaseView view = cases.open(actor, id, "FORM " + which.name());
		return page.latest(model, view, which, reason(actor, view, which));
	}

	@GetMapping("/cases/{id}/forms/{form}/saved/{cycle}/{version}")
	String version(Actor actor, @PathVariable CaseId id, @PathVariable String form, @PathVariable String cycle,
			@PathVariable String version, Model model) {
		CaseForm which = CaseForm.byPath(form).orElseThrow(() -> new UnknownCase(id));
		if (!cycle.matches("\\d{1,6}") || !version.matches("\\d{1,6}")) {
			throw new UnknownCase(id);
		}
		CaseView view = cases.open(actor, id, "FORM " + which.name() + " " + cycle + "." + version);
		return page.version(model, view, which, Integer.parseInt(cycle), Integer.parseInt(version),
				reason(actor, view, which));
	}

	private String reason(Actor actor, CaseView view, CaseForm form) {
		Verdict<Void> may = forms.maySave(actor.signedIn(), view.protectionCase(), form);
		return may.allowed() ? null : may.reason();
	}

}
