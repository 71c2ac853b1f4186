package vn.trean.identity;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import vn.trean.shared.ApiProblems;

/**
 * Makes the request's {@link Actor} and the signed-in {@link CurrentUser} available to
 * controllers (as parameters) and pages (as {@code me}, with {@code can} listing the
 * actions their roles grant), and turns {@link AccessRefused} into a 403 page or problem
 * detail and an audit entry; {@link RequiredPermissions} refuses a request before it is
 * bound.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWeb implements WebMvcConfigurer {

	private static final String ATTRIBUTE = IdentityWeb.class.getName() + ".currentUser";

	private static final String ACTOR = IdentityWeb.class.getName() + ".actor";

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final Accounts accounts;

	private final Authorization authorization;

	IdentityWeb(Accounts accounts, Authorization authorization) {
		this.accounts = accounts;
		this.authorization = authorization;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RequiredPermissions(this, authorization));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType().equals(CurrentUser.class);
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				CurrentUser user = currentUser(request.getNativeRequest(HttpServletRequest.class));
				if (user == null) {
					throw new AccessRefused(Action.VIEW_ADMINISTRATIVE_UNITS, "access.refused.signed-out");
				}
				return user;
			}

		});
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType().equals(Actor.class);
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return actor(request.getNativeRequest(HttpServletRequest.class));
			}

		});
	}

	/**
	 * The request's {@link Actor}, made once and kept in the request. The API answers in
	 * the caller's Accept-Language (Vietnamese when absent); pages in the language the
	 * user chose.
	 */
	Actor actor(HttpServletRequest request) {
		if (request.getAttribute(ACTOR) instanceof Actor actor) {
			return actor;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		ApiClient client = auth != null && auth.getPrincipal() instanceof ApiClient c ? c : null;
		Locale locale = client != null ? ApiProblems.localeOf(request) : RequestContextUtils.getLocale(request);
		String offered = request.getHeader("X-Request-Id");
		String requestId = offered != null && REQUEST_ID.matcher(offered).matches() ? offered
				: UUID.randomUUID().toString();
		Actor actor = new Actor(currentUser(request), client, request.getRemoteAddr(), locale, requestId);
		request.setAttribute(ACTOR, actor);
		return actor;
	}

	CurrentUser currentUser(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof CurrentUser user) {
			return user;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof SignInPrincipal principal)
				|| !LoginSteps.has(auth, SignInPrincipal.LOGIN_COMPLETE)) {
			return null;
		}
		CurrentUser user = accounts.current(principal.userId()).orElse(null);
		request.setAttribute(ATTRIBUTE, user);
		return user;
	}

	/**
	 * Page-wide model: the user and what their roles allow (for menus only, never for
	 * decisions).
	 */
	@ControllerAdvice
	static class CurrentUserModel {

		private final IdentityWeb web;

		private final Authorization authorization;

		private final ApiProblems problems;

		private final ApplicationEventPublisher events;

		private final Clock clock;

		CurrentUserModel(IdentityWeb web, Authorization authorization, ApiProblems problems,
				ApplicationEventPublisher events, Clock clock) {
			this.web = web;
			this.authorization = authorization;
			this.problems = problems;
			this.events = events;
			this.clock = clock;
		}

		@ModelAttribute("me")
		CurrentUser me(HttpServletRequest request) {
			return web.currentUser(request);
		}

		/**
		 * The actions the user's roles grant somewhere; pages ask with the enum, such as
		 * {@code can.contains(T(vn.trean.identity.Action).MANAGE_USERS)}, so a misspelt
		 * action fails the page instead of hiding a menu.
		 */
		@ModelAttribute("can")
		Set<Action> can(HttpServletRequest request) {
			CurrentUser user = web.currentUser(request);
			Set<Action> allowed = EnumSet.noneOf(Action.class);
			if (user != null) {
				for (Action action : Action.values()) {
					if (authorization.permitsSomewhere(user, action)) {
						allowed.add(action);
					}
				}
			}
			return Collections.unmodifiableSet(allowed);
		}

		/**
		 * The one answer to a refusal, page or problem, each written to the audit log
		 * (outside the refused change's transaction, which rolled back).
		 */
		@ExceptionHandler(AccessRefused.class)
		Object refused(AccessRefused ex, HttpServletRequest request, HttpServletResponse response) {
			audit(ex, request);
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				ResponseEntity<ProblemDetail> problem = problems.problem(HttpStatus.FORBIDDEN, "api.forbidden",
						ApiProblems.localeOf(request), null);
				problem.getBody().setDetail(ex.reasonKey());
				return problem;
			}
			ModelAndView view = new ModelAndView("error/403");
			view.setStatus(HttpStatus.FORBIDDEN);
			view.addObject("reason", ex.reasonKey());
			view.addObject("me", web.currentUser(request));
			view.addObject("can", can(request));
			return view;
		}

		private void audit(AccessRefused ex, HttpServletRequest request) {
			Actor actor = web.actor(request);
			String asked = request.getMethod() + " " + request.getRequestURI();
			String detail = (ex.detail() == null ? "" : ex.detail() + " ") + asked + ": " + ex.reasonKey();
			events.publishEvent(new IdentityEvents.AccessWasRefused(actor.name(), ex.targetType(), ex.targetId(),
					detail, actor.clientAddress(), clock.instant()));
		}

	}

}
