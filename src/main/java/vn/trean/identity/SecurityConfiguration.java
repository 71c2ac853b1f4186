package vn.trean.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web security: form login followed by the {@link LoginSteps}; every page except the
 * login, static files and health needs a completed login; the API is stateless with
 * bearer tokens. Pages go out with a strict Content-Security-Policy (no inline script),
 * no framing, no MIME sniffing, a same-origin referrer policy and HSTS over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiTokenFilter tokens, ProblemResponses problems) throws Exception {
		http.securityMatcher("/api/v1/**", "/actuator/prometheus")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(tokens, AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/prometheus")
				.hasAuthority(ApiPermission.METRICS_READ.authority())
				.requestMatchers("/api/v1/units/**")
				.hasAuthority(ApiPermission.GEOGRAPHY_READ.authority())
				.requestMatchers("/api/v1/reports", "/api/v1/reports/**")
				.hasAuthority(ApiPermission.INTAKE.authority())
				.requestMatchers("/api/v1/referrals", "/api/v1/referrals/**")
				.hasAuthority(ApiPermission.REFERRALS.authority())
				.requestMatchers("/api/v1/statistics/**")
				.hasAuthority(ApiPermission.STATISTICS.authority())
				.anyRequest()
				.denyAll())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler((req, res, ex) -> problems.forbidden(req, res)))
			.headers(h -> h
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain web(HttpSecurity http, LoginSteps steps, LoginAttempts attempts, SignInThrottle throttle,
			SecurityContextRepository contexts, ActionAccess actions) throws Exception {
		http.securityContext(c -> c.securityContextRepository(contexts))
			.addFilterBefore(new ThrottledAddresses(throttle), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(pageAccess(steps, actions))
			.formLogin(f -> f.loginPage("/login")
				.successHandler(steps::proceed)
				.failureHandler((req, res, ex) -> loginFailed(req, res, ex, attempts)))
			.logout(l -> l.logoutUrl("/logout").addLogoutHandler((req, res, auth) -> {
				if (auth != null && auth.getPrincipal() instanceof SignInPrincipal p) {
					attempts.loggedOut(p.getUsername(), req.getRemoteAddr());
				}
			}).logoutSuccessUrl("/login?logout"))
			.exceptionHandling(
					e -> e.authenticationEntryPoint(relativeLoginPage()).accessDeniedHandler(partialLoginAware(steps)))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * The login, the public report form, static files and health are open to all; each
	 * page of the sign-in steps only while its step is due; the API documentation and the
	 * administrative units to those who may see them; every other page once the login is
	 * complete.
	 */
	private static Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> pageAccess(
			LoginSteps steps, ActionAccess actions) {
		return a -> a
			.requestMatchers("/login", "/report", "/report/status", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/login/second-factor")
			.access(stepDue(steps, LoginSteps.Step.SECOND_FACTOR))
			.requestMatchers("/account/password")
			.access(stepDue(steps, LoginSteps.Step.PASSWORD_CHANGE))
			.requestMatchers("/account/second-factor/enrol")
			.access(stepDue(steps, LoginSteps.Step.SECOND_FACTOR_ENROLMENT))
			.requestMatchers("/login/continue")
			.hasAuthority(SignInPrincipal.FACTOR_PASSWORD)
			.requestMatchers("/api/docs", "/api/docs/**", "/api/openapi", "/api/openapi/**", "/api/swagger-ui/**")
			.access(actions.requires(Action.VIEW_API_DOCUMENTATION))
			.requestMatchers("/geography", "/geography/**")
			.access(actions.requires(Action.VIEW_ADMINISTRATIVE_UNITS))
			.anyRequest()
			.hasAuthority(SignInPrincipal.LOGIN_COMPLETE);
	}

	/**
	 * Sends the signed-out to the login page by its path: an absolute address would be
	 * built from the request's Host header.
	 */
	private static LoginUrlAuthenticationEntryPoint relativeLoginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/**
	 * The password check, followed by {@link PasswordStepCheck} once the password
	 * matched, so that a locked or disabled account fails like a wrong password.
	 */
	@Bean
	DaoAuthenticationProvider passwordStep(AccountDetailsService users, PasswordEncoder passwordEncoder,
			PasswordStepCheck check) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPostAuthenticationChecks(check);
		return provider;
	}

	/**
	 * A wrong password, an unknown account and a refused right password get one answer.
	 */
	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex, LoginAttempts attempts) throws IOException {
		if (ex instanceof PasswordStepCheck.Refused refused) {
			attempts.refusedAtPassword(refused.username(), refused.reason(), request.getRemoteAddr());
		}
		else {
			attempts.passwordFailed(request.getParameter("username"), request.getRemoteAddr());
		}
		response.sendRedirect(request.getContextPath() + "/login?error=credentials");
	}

	/** A page of the sign-in steps is open only while its step is due. */
	private static AuthorizationManager<RequestAuthorizationContext> stepDue(LoginSteps steps, LoginSteps.Step step) {
		return (authentication, context) -> new AuthorizationDecision(steps.mayUse(authentication.get(), step));
	}

	/**
	 * A user half-way through signing in is sent to the step that is due (or signed out
	 * when the account was locked meanwhile); others get 403.
	 */
	private static AccessDeniedHandler partialLoginAware(LoginSteps steps) {
		return (request, response, ex) -> {
			Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof SignInPrincipal
					&& !LoginSteps.has(auth, SignInPrincipal.LOGIN_COMPLETE)) {
				steps.resume(request, response, auth);
				return;
			}
			response.sendError(HttpStatus.FORBIDDEN.value());
		};
	}

	/**
	 * Password attempts from a client address that must wait ({@link SignInThrottle}) are
	 * answered before the password is checked.
	 */
	static final class ThrottledAddresses extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		ThrottledAddresses(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (throttle.waitFor(request.getRemoteAddr()).isPresent()) {
				response.sendRedirect(request.getContextPath() + "/login?error=wait");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * URL rules for pages whose controllers cannot ask {@link Authorization} themselves
	 * (reference-data modules that identity depends on): the filter asks it on their
	 * behalf.
	 */
	@org.springframework.stereotype.Component
	static class ActionAccess {

		private final Accounts accounts;

		private final Authorization authorization;

		ActionAccess(Accounts accounts, Authorization authorization) {
			this.accounts = accounts;
			this.authorization = authorization;
		}

		AuthorizationManager<RequestAuthorizationContext> requires(Action action) {
			return (authentication, context) -> {
				Authentication auth = authentication.get();
				boolean allowed = auth != null && LoginSteps.has(auth, SignInPrincipal.LOGIN_COMPLETE)
						&& auth.getPrincipal() instanceof SignInPrincipal p
						&& accounts.current(p.userId())
							.map(user -> authorization.permitsSomewhere(user, action))
							.orElse(false);
				return new AuthorizationDecision(allowed);
			};
		}

	}

}
