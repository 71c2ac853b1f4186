package vn.trean.intake;

import vn.trean.shared.FormErrors;

/** A report that breaks a rule; carries the errors by field. Nothing was saved. */
public class InvalidReport extends RuntimeException {

	private final transient FormErrors errors;

	InvalidReport(FormErrors errors) {
		super("Invalid report: " + errors.asMap());
		this.errors = errors;
	}

	public FormErrors errors() {
		return errors;
	}

}
