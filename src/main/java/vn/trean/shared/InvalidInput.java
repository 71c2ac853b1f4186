package vn.trean.shared;

/** Input that breaks a rule; carries the errors by field. Nothing was saved. */
public abstract class InvalidInput extends RuntimeException {

	private final transient FormErrors errors;

	protected InvalidInput(String what, FormErrors errors) {
		super("Invalid " + what + ": " + errors.asMap());
		this.errors = errors;
	}

	public FormErrors errors() {
		return errors;
	}

}
