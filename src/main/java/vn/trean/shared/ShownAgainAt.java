package vn.trean.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a refused form is shown again on, when it is not the form's own path: a path
 * template whose variables are those of the refused request's path and its parameters,
 * such as {@code /cases/{id}}. See {@link Refusals}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShownAgainAt {

	String value();

}
