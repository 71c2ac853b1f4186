package vn.trean.intake;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.trean.identity.Actor;
import vn.trean.printing.FormPrinter;

/**
 * Mẫu 01 of a report as PDF. Reading goes through {@link Intake#open}, so the print is
 * allowed, access-logged and stripped of the reporter's identity exactly as the report
 * page is.
 */
@Controller
class ReportPrintController {

	private final Intake intake;

	private final ReportPrintout printout;

	private final FormPrinter printer;

	ReportPrintController(Intake intake, ReportPrintout printout, FormPrinter printer) {
		this.intake = intake;
		this.printout = printout;
		this.printer = printer;
	}

	@GetMapping("/intake/reports/{id}/print")
	ResponseEntity<byte[]> print(Actor actor, @PathVariable ReportId id) {
		ReportView view = intake.open(actor, id, "PRINT 01");
		return printer.attachment(printout.compose(view), ReportPrintout.fileName(view.report()));
	}

}
