package vn.trean.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The sign-in as a sequence of steps after the password: the second factor when enrolled,
 * a password change when one is due, enrolment when the roles require a second factor.
 * Only the last step grants {@code LOGIN_COMPLETE} and the user's roles; until then every
 * other page is refused and sends the user to the step that is due.
 */
@Component
class LoginSteps {

	/** The next thing a signing-in user must do. */
	enum Step {

		/** Enter a code from the authenticator app or a recovery code. */
		SECOND_FACTOR("/login/second-factor"),
		/** Set a new password (first login, or after an administrator's reset). */
		PASSWORD_CHANGE("/account/password"),
		/** Enrol an authenticator app; the roles require it. */
		SECOND_FACTOR_ENROLMENT("/account/second-factor/enrol"),
		/** Nothing left: signed in. */
		COMPLETE("/");

		final String path;

		Step(String path) {
			this.path = path;
		}

	}

	private final UserAccountRepository accounts;

	private final LoginAttempts attempts;

	private final SecurityContextRepository contexts;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	LoginSteps(UserAccountRepository accounts, LoginAttempts attempts, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.attempts = attempts;
		this.contexts = contexts;
	}

	Step next(UserAccount account, Authentication authentication) {
		if (account.secondFactorEnrolled() && !has(authentication, SignInPrincipal.FACTOR_SECOND)) {
			return Step.SECOND_FACTOR;
		}
		if (account.passwordChangeRequired()) {
			return Step.PASSWORD_CHANGE;
		}
		if (account.secondFactorRequired() && !account.secondFactorEnrolled()) {
			return Step.SECOND_FACTOR_ENROLMENT;
		}
		return Step.COMPLETE;
	}

	Step next(Authentication authentication) {
		return accounts.find(principal(authentication).userId())
			.map(account -> next(account, authentication))
			.orElse(Step.SECOND_FACTOR);
	}

	/** Records that the second factor was passed in this session. */
	Authentication secondFactorPassed(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		return save(withAuthority(authentication, SignInPrincipal.FACTOR_SECOND, List.of()), request, response);
	}

	/**
	 * Sends the user to the step that is due, completing the sign-in when none is left.
	 */
	void proceed(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		SignInPrincipal principal = principal(authentication);
		UserAccount account = accounts.find(principal.userId()).orElseThrow();
		Step step = next(account, authentication);
		if (step != Step.COMPLETE) {
			save(authentication, request, response);
			response.sendRedirect(request.getContextPath() + step.path);
			return;
		}
		if (!has(authentication, SignInPrincipal.LOGIN_COMPLETE)) {
			List<GrantedAuthority> roles = new ArrayList<>();
			account.roles().forEach(role -> roles.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
			save(withAuthority(authentication, SignInPrincipal.LOGIN_COMPLETE, roles), request, response);
			request.changeSessionId();
			attempts.succeeded(account.id(), account.username(), request.getRemoteAddr());
		}
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		response.sendRedirect(
				saved != null && "GET".equals(saved.getMethod()) ? pathOf(saved) : request.getContextPath() + "/");
	}

	/**
	 * The saved page's path and query only: its full address names the host the request
	 * claimed, which must never reach a redirect.
	 */
	private static String pathOf(SavedRequest saved) {
		java.net.URI uri = java.net.URI.create(saved.getRedirectUrl());
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	static SignInPrincipal principal(Authentication authentication) {
		return (SignInPrincipal) authentication.getPrincipal();
	}

	static boolean has(Authentication authentication, String authority) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	private static Authentication withAuthority(Authentication authentication, String authority,
			List<GrantedAuthority> more) {
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(authority));
		authorities.addAll(more);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, authorities);
		token.setDetails(authentication.getDetails());
		return token;
	}

	private Authentication save(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return authentication;
	}

}
