package vn.trean.identity;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Who acts in a request, resolved once per request and passed whole to services and to
 * the audit log instead of a user, a client address and a language passed one by one: the
 * signed-in user or the API client (or neither, for the public form), the client address
 * (the proxy's word for it only from a trusted proxy), the language of the answer and the
 * request's id (a well-formed {@code X-Request-Id}, else a new one), which joins log
 * lines to the request.
 */
public record Actor(@Nullable CurrentUser user, @Nullable ApiClient client, String clientAddress, Locale locale,
		String requestId) {

	/**
	 * What the audit log names the actor: a username, {@code api:<client>} or
	 * {@code anonymous}.
	 */
	public String name() {
		if (user != null) {
			return user.username();
		}
		return client != null ? "api:" + client.name() : "anonymous";
	}

	/** The signed-in user; refused as signed out when there is none. */
	public CurrentUser signedIn() {
		if (user == null) {
			throw new AccessRefused(Action.VIEW_ADMINISTRATIVE_UNITS, "access.refused.signed-out");
		}
		return user;
	}

	public Optional<CurrentUser> optionalUser() {
		return Optional.ofNullable(user);
	}

	/**
	 * An actor for a signed-in user, as a test or a job acting for one would build it.
	 */
	public static Actor of(CurrentUser user, String clientAddress) {
		return new Actor(user, null, clientAddress, vn.trean.shared.WebShell.VIETNAMESE,
				java.util.UUID.randomUUID().toString());
	}

}
