package vn.trean.identity;

import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link Requires} before the handler's arguments are resolved (an interceptor
 * runs after the handler is chosen and before any binding). A handler of a request other
 * than GET, HEAD or OPTIONS without the annotation is refused: a new POST handler cannot
 * forget to say who may reach it (handlers of the libraries, such as the error page, are
 * theirs to guard).
 */
class RequiredPermissions implements HandlerInterceptor {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final IdentityWeb web;

	private final Authorization authorization;

	RequiredPermissions(IdentityWeb web, Authorization authorization) {
		this.web = web;
		this.authorization = authorization;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		Requires requires = method.getMethodAnnotation(Requires.class);
		if (requires == null) {
			if (SAFE_METHODS.contains(request.getMethod())
					|| !method.getBeanType().getPackageName().startsWith("vn.trean")) {
				return true;
			}
			throw new AccessRefused(Action.VIEW_ADMINISTRATIVE_UNITS, "access.refused.role");
		}
		if (requires.value().length == 0) {
			return true;
		}
		CurrentUser user = web.currentUser(request);
		if (user == null) {
			throw new AccessRefused(requires.value()[0], "access.refused.signed-out");
		}
		for (Action action : requires.value()) {
			if (authorization.permitsSomewhere(user, action)) {
				return true;
			}
		}
		throw new AccessRefused(requires.value()[0], "access.refused.role");
	}

}
