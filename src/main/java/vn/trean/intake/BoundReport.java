package vn.trean.intake;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import vn.trean.shared.FormErrors;
import vn.trean.shared.Refusal;

/**
 * A report's draft as a channel bound it, with what the binding refused: the constraints
 * of single fields broken ({@link ReportDraft}'s, and a form's own) and the values that
 * could not be converted. Each channel binds its own way (the staff form with
 * {@code @Valid}, the public form from its fewer fields, the API from its JSON) and
 * checks the constraints once, there; {@link ReportPolicy} then adds the rules that span
 * fields, so that one answer names every field.
 */
record BoundReport(ReportDraft draft, FormErrors broken, FormErrors unconvertible) {

	/** The draft as Spring bound it with {@code @Valid}. */
	static BoundReport of(ReportDraft draft, BindingResult binding, Validator validator) {
		return new BoundReport(draft, new FormErrors(), new FormErrors()).with(draft, binding, validator);
	}

	/**
	 * A draft no request bound (the API's JSON, a test, a job): its constraints checked
	 * here.
	 */
	static BoundReport checking(ReportDraft draft, Validator validator) {
		BindingResult binding = new DirectFieldBindingResult(draft, "draft");
		new SpringValidatorAdapter(validator).validate(draft, binding);
		return of(draft, binding, validator);
	}

	/**
	 * The same, also refusing what the binding of {@code bound} refused (the draft, or a
	 * form with fields of its own). A value that could not be converted leaves its field
	 * empty, and Spring checks no constraint of such a field: its constraints are checked
	 * here, so that an unknown choice in a required field reads as the missing value it
	 * is.
	 */
	BoundReport with(Object bound, BindingResult binding, Validator validator) {
		FormErrors moreBroken = copy(broken);
		FormErrors moreUnconvertible = copy(unconvertible);
		BindingResult emptied = new DirectFieldBindingResult(bound, binding.getObjectName());
		PropertyCheck check = new PropertyCheck(validator);
		for (FieldError error : binding.getFieldErrors()) {
			if (error.isBindingFailure() && error.getField().matches("\\w+")) {
				check.validate(bound, error.getField(), emptied);
			}
		}
		Refusal.errorsOf(emptied).asMap().forEach(moreBroken::reject);
		Refusal.errorsOf(binding).asMap().forEach((field, key) -> {
			FieldError error = binding.getFieldError(field);
			(error != null && error.isBindingFailure() ? moreUnconvertible : moreBroken).reject(field, key);
		});
		return new BoundReport(draft, moreBroken, moreUnconvertible);
	}

	/** Checks the constraints of one property, into Spring's errors. */
	private static final class PropertyCheck extends SpringValidatorAdapter {

		private final Validator validator;

		PropertyCheck(Validator validator) {
			super(validator);
			this.validator = validator;
		}

		@SuppressWarnings("unchecked")
		void validate(Object target, String property, Errors errors) {
			processConstraintViolations(
					(Set<ConstraintViolation<Object>>) (Set<?>) validator.validateProperty(target, property), errors);
		}

	}

	/** The same, also refusing these (after every rule of the report). */
	BoundReport refusing(FormErrors more) {
		FormErrors moreUnconvertible = copy(unconvertible);
		more.asMap().forEach(moreUnconvertible::reject);
		return new BoundReport(draft, broken, moreUnconvertible);
	}

	private static FormErrors copy(FormErrors errors) {
		FormErrors copy = new FormErrors();
		errors.asMap().forEach(copy::reject);
		return copy;
	}

}
