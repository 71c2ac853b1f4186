package vn.trean.intake;

import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;
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
	static BoundReport of(ReportDraft draft, BindingResult binding) {
		return new BoundReport(draft, new FormErrors(), new FormErrors()).with(binding);
	}

	/**
	 * A draft no request bound (the API's JSON, a test, a job): its constraints checked
	 * here.
	 */
	static BoundReport checking(ReportDraft draft, Validator validator) {
		BindingResult binding = new DirectFieldBindingResult(draft, "draft");
		new SpringValidatorAdapter(validator).validate(draft, binding);
		return of(draft, binding);
	}

	/** The same, also refusing what another binding refused (a form's own fields). */
	BoundReport with(BindingResult binding) {
		FormErrors all = Refusal.errorsOf(binding);
		FormErrors moreBroken = copy(broken);
		FormErrors moreUnconvertible = copy(unconvertible);
		all.asMap().forEach((field, key) -> {
			FieldError error = binding.getFieldError(field);
			(error != null && error.isBindingFailure() ? moreUnconvertible : moreBroken).reject(field, key);
		});
		return new BoundReport(draft, moreBroken, moreUnconvertible);
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
