package vn.trean.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A multiple choice ({@code roles}, {@code permissions}) without a blank one: a blank
 * choice ({@code roles=}) is bound as a missing value and refused as invalid on the field
 * itself, never dropped. A missing list is valid; add {@code @NotEmpty} where one is
 * needed.
 */
@Documented
@Constraint(validatedBy = NoBlankChoice.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface NoBlankChoice {

	String message() default "validation.invalid";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check behind {@link NoBlankChoice}. */
	final class Check implements ConstraintValidator<NoBlankChoice, Collection<?>> {

		@Override
		public boolean isValid(Collection<?> choices, ConstraintValidatorContext context) {
			return choices == null || choices.stream().allMatch(Objects::nonNull);
		}

	}

}
