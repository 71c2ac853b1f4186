package vn.trean.directory;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/** A calendar day that breaks a rule; carries the errors by field. */
class InvalidCalendarDay extends InvalidInput {

	InvalidCalendarDay(FormErrors errors) {
		super("calendar day", errors);
	}

}
