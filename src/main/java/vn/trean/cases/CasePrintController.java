package vn.trean.cases;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import vn.trean.identity.Actor;
import vn.trean.printing.FormPrinter;

/**
 * Downloads of a case's official forms as PDF. Reading goes through
 * {@link CaseManagement#open(Actor, CaseId, String)}, so a print is allowed exactly when
 * reading the case is, and each one writes an access entry naming the form. A form the
 * case does not have yet answers with the translated 404 page.
 */
@Controller
class CasePrintController {

	private final CaseManagement cases;

	private final CasePrintouts printouts;

	private final FormPrinter printer;

	CasePrintController(CaseManagement cases, CasePrintouts printouts, FormPrinter printer) {
		this.cases = cases;
		this.printouts = printouts;
		this.printer = printer;
	}

	@GetMapping("/cases/{id}/print/{form}")
	Object print(Actor actor, @PathVariable CaseId id, @PathVariable String form) {
		Optional<CasePrintouts.Printout> printout = CasePrintouts.Printout.byPath(form);
		if (printout.isEmpty()) {
			return notFound("print.form.unknown");
		}
		CaseView view = cases.open(actor, id, "PRINT " + printout.get().path());
		return printouts.compose(view, printout.get())
			.<Object>map(document -> printer.attachment(document,
					printout.get().fileName(view.protectionCase().referenceCode())))
			.orElseGet(() -> notFound("print.form.missing"));
	}

	private static ModelAndView notFound(String reason) {
		return new ModelAndView("error/404", Map.of("reason", reason), HttpStatus.NOT_FOUND);
	}

}
