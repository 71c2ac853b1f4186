package vn.trean.intake;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A report that breaks a rule; carries the errors by field. Nothing was saved. */
public class InvalidReport extends InvalidInput {

	InvalidReport(FormErrors errors) {
		super("report", errors);
	}

}
