package vn.trean.identity;

import vn.trean.shared.FormErrors;
import vn.trean.shared.InvalidInput;

/**
 * An account change that breaks a rule: the form field and the message key. Nothing was
 * saved; the form is shown again with the error next to the field.
 */
public class AccountRejected extends InvalidInput {

	AccountRejected(String field, String messageKey) {
		super("account", new FormErrors().reject(field, messageKey));
	}

}
