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
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The sign-in as a sequence of steps after the password: the second factor when enrolled,
 * a password change when one is due, enrolment when the roles require a second factor.
 * Only the last step grants {@code LOGIN_COMPLETE} and the user's roles; until then only
 * the page of the step that is due may be used (so a password alone cannot change the
 * password of an account with a second factor), every other page sends the user to it,
 * and an account that was locked or disabled meanwhile is signed out at its next request.
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

	/**
	 * Whether the page of a step may be used now: it is the step due, or the sign-in is
	 * complete and the page is one of the account's own (password change, enrolment).
	 */
	boolean mayUse(Authentication authentication, Step step) {
		if (authentication == null || !(authentication.getPrincipal() instanceof SignInPrincipal principal)) {
			return false;
		}
		if (has(authentication, SignInPrincipal.LOGIN_COMPLETE)) {
			return step != Step.SECOND_FACTOR;
		}
		boolean secondFactorPassed = has(authentication, SignInPrincipal.FACTOR_SECOND);
		return accounts.find(principal.userId())
			.filter(account -> attempts.mayContinue(account, secondFactorPassed))
			.map(account -> next(account, authentication) == step)
			.orElse(false);
	}

	/**
	 * Sends a user half-way through signing in to the step that is due, or signs them out
	 * when the account may no longer go on.
	 */
	void resume(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		UserAccount account = accounts.find(principal(authentication).userId()).orElse(null);
		if (account == null || !attempts.mayContinue(account, has(authentication, SignInPrincipal.FACTOR_SECOND))) {
			refuse(request, response, authentication, account);
			return;
		}
		response.sendRedirect(request.getContextPath() + next(account, authentication).path);
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
		UserAccount account = accounts.find(principal.userId()).orElse(null);
		if (Boolean.TRUE.equals(request.getAttribute(PasswordStepCheck.FACTOR_PASSED))) {
			// the code given beside the password was right (checked with the password)
			authentication = secondFactorPassed(authentication, request, response);
		}
		if (account == null || !attempts.mayContinue(account, has(authentication, SignInPrincipal.FACTOR_SECOND))) {
			refuse(request, response, authentication, account);
			return;
		}
		Step step = next(account, authentication);
		if (step != Step.COMPLETE) {
			save(authentication, request, response);
			response.sendRedirect(request.getContextPath() + step.path);
			return;
		}
		if (!has(authentication, SignInPrincipal.LOGIN_COMPLETE)) {
			if (!attempts.succeeded(account, request.getRemoteAddr())) {
				signOut(request, response, authentication, "locked");
				return;
			}
			List<GrantedAuthority> roles = new ArrayList<>();
			account.roles().forEach(role -> roles.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
			save(withAuthority(authentication, SignInPrincipal.LOGIN_COMPLETE, roles), request, response);
			request.changeSessionId();
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

	/**
	 * Ends a sign-in the account may not go on with. Right after the password the answer
	 * is the one for a wrong password, so that a locked or disabled account cannot be
	 * told from an unknown one; later steps, reached only with the right password, say it
	 * is locked.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			UserAccount account) throws IOException {
		if (account != null) {
			attempts.refused(account, request.getRemoteAddr());
		}
		signOut(request, response, authentication, passwordStep(request) ? "credentials" : "locked");
	}

	private static boolean passwordStep(HttpServletRequest request) {
		return "/login".equals(request.getServletPath());
	}

	/**
	 * Ends the session of a sign-in that may not go on and sends the user to the login
	 * page.
	 */
	static void signOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			String error) throws IOException {
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		response.sendRedirect(request.getContextPath() + "/login?error=" + error);
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
