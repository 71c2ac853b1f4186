package vn.trean.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The one implementation of {@link PlainText}: the rules of {@link FormErrors#checkText}.
 */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

	private int max;

	private boolean markup;

	@Override
	public void initialize(PlainText constraint) {
		this.max = constraint.max();
		this.markup = constraint.markup();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		String broken = FormErrors.brokenTextRule(value.toString(), max, !markup);
		if (broken == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
		return false;
	}

}
