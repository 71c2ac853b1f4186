package vn.trean.directory;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** Agency details that break a rule; carries the errors by field. */
public class InvalidAgency extends InvalidInput {

	InvalidAgency(FormErrors errors) {
		super("agency details", errors);
	}

}
