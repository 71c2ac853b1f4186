package vn.trean.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text a person typed, as the application stores it: at most {@link #max()} characters
 * once composed (NFC), no control character but tab and line breaks, and, unless
 * {@link #markup()} allows it, no HTML markup (a tag, a comment, the start of a script; a
 * less-than sign before a space, a digit or a letter with a diacritic is text). A missing
 * value is valid; add {@code @NotBlank} where the field is required. The message is the
 * key of the first rule broken ({@code validation.too-long},
 * {@code validation.control-character}, {@code validation.markup}), the same keys
 * {@link FormErrors} uses, so a form and the API say the same.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	int max();

	/**
	 * Whether markup is text here (staff notes shown escaped); intake and the public
	 * refuse it.
	 */
	boolean markup() default false;

	String message() default "validation.invalid";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
