package vn.trean.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a request handler needs before anything of the request is read: one of
 * the actions must be granted to the signed-in user somewhere, else the request is
 * refused with 403 before its parameters are bound, so that no conversion error can
 * render a page to someone the handler would refuse. The handler (or the service it
 * calls) still decides on the resource's scope. Every handler of a request that changes
 * state carries it; an empty list says the handler needs no permission (the sign-in
 * steps, the user's own account, the public form, the token-checked API) and must say
 * why.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Requires {

	/** Actions of which the user needs one, anywhere. */
	Action[] value();

}
