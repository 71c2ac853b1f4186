package vn.trean.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.ObjectUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Why a request changed nothing, in the terms every page and problem answer shares: 422
 * with the errors by field for input that breaks a rule of its own, 409 with a message
 * key for a step the record's rules refuse or a record changed meanwhile.
 *
 * @param status 422 or 409
 * @param errors the errors by field (empty for a 409)
 * @param messageKey the translated reason shown above the form, or {@code null}
 * @param submitted the command as the user typed it, to show again, or {@code null}
 */
public record Refusal(HttpStatus status, FormErrors errors, @Nullable String messageKey, @Nullable Object submitted) {

	/** The request attribute the refusal is kept in while the page is shown again. */
	public static final String ATTRIBUTE = Refusal.class.getName();

	/** The refusal an exception stands for, or {@code null} when it is not a refusal. */
	public static @Nullable Refusal of(Throwable ex, @Nullable Object submitted) {
		if (ex instanceof InvalidInput invalid) {
			return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, invalid.errors(), null, submitted);
		}
		if (ex instanceof RuleBroken broken) {
			return new Refusal(HttpStatus.CONFLICT, new FormErrors(), broken.messageKey(), submitted);
		}
		if (ex instanceof ChangedMeanwhile changed) {
			return new Refusal(HttpStatus.CONFLICT, new FormErrors(), changed.messageKey(), submitted);
		}
		if (ex instanceof org.springframework.validation.BindException bound) {
			return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, errorsOf(bound.getBindingResult()), null,
					bound.getBindingResult().getTarget() != null ? bound.getBindingResult().getTarget() : submitted);
		}
		return null;
	}

	/**
	 * The errors of a binding as message keys: a value that cannot be converted is
	 * {@code validation.invalid} ({@code validation.date} for a date); a constraint says
	 * its key as its message ({@link PlainText}, or {@code message = "…"}), else its kind
	 * picks the key.
	 */
	public static FormErrors errorsOf(BindingResult result) {
		FormErrors errors = new FormErrors();
		for (FieldError error : result.getFieldErrors()) {
			errors.reject(error.getField(), keyOf(error));
		}
		List<ObjectError> global = result.getGlobalErrors();
		for (ObjectError error : global) {
			errors.reject(Verdict.GENERAL, keyOf(error));
		}
		return errors;
	}

	static String keyOf(ObjectError error) {
		if (error instanceof FieldError field && field.isBindingFailure()) {
			return ObjectUtils.containsElement(field.getCodes(), "typeMismatch.java.time.LocalDate") ? "validation.date"
					: "validation.invalid";
		}
		String message = error.getDefaultMessage();
		if (message != null && message.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
			return message;
		}
		String code = error.getCode() == null ? "" : error.getCode();
		return switch (code) {
			case "NotNull", "NotBlank", "NotEmpty" -> "validation.required";
			case "Size", "Length" -> "validation.too-long";
			default -> "validation.invalid";
		};
	}

	public boolean isConflict() {
		return status == HttpStatus.CONFLICT;
	}

}
