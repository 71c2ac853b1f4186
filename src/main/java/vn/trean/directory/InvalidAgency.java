package vn.trean.directory;

import vn.trean.shared.FormErrors;

/** Agency details that break a rule; carries the errors by field. */
public class InvalidAgency extends RuntimeException {

	private final transient FormErrors errors;

	InvalidAgency(FormErrors errors) {
		super("Invalid agency details: " + errors.asMap());
		this.errors = errors;
	}

	public FormErrors errors() {
		return errors;
	}

}
