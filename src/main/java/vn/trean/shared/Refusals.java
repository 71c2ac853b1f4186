package vn.trean.shared;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place a refused form becomes a page: input that breaks its own rules answers
 * 422, a step the record's rules refuse or a record changed meanwhile 409, and in both
 * cases the page the form belongs to is shown again, rendered by that page's own GET
 * handler (a forward with the method GET and none of the form's parameters), with
 * {@code errors} by field, the {@code refusal} message key and, as {@code submitted}, the
 * command as typed. The page is the form's own path unless the handler names another with
 * {@link ShownAgainAt}. Controllers keep no catch blocks; pages read {@code errors}
 * (always present, empty when nothing was refused).
 * <p>
 * An address that names no record ({@link UnknownRecord}) answers the translated 404
 * page, and so does a page address whose id cannot be read ({@code /cases/abc}, a typed
 * id's {@code valueOf} refusing the text, which Spring reports as a type mismatch): both
 * name no page, never a 500. A parameter that cannot be read is a 400. Both are sent as
 * errors, so the servlet container shows the error page of their status.
 * <p>
 * The REST API answers the same refusals as problem details ({@code ApiProblems}, which
 * comes first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class Refusals {

	private static final String SUBMITTED = Refusals.class.getName() + ".submitted";

	/** Remembers each validated command, so a refused one can be shown again as typed. */
	@InitBinder
	void rememberCommands(WebDataBinder binder, HttpServletRequest request) {
		binder.addValidators(new Validator() {

			@Override
			public boolean supports(Class<?> type) {
				return true;
			}

			@Override
			public void validate(Object target, Errors errors) {
				request.setAttribute(SUBMITTED, target);
			}

		});
	}

	@ModelAttribute("errors")
	FormErrors errors(HttpServletRequest request) {
		return request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal.errors() : new FormErrors();
	}

	@ModelAttribute("refusal")
	@Nullable String refusal(HttpServletRequest request) {
		return request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal.messageKey() : null;
	}

	@ModelAttribute("submitted")
	@Nullable Object submitted(HttpServletRequest request) {
		return request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal.submitted() : null;
	}

	@ExceptionHandler({ InvalidInput.class, RuleBroken.class, ChangedMeanwhile.class,
			org.springframework.validation.BindException.class })
	void refused(Exception ex, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Refusal refusal = Refusal.of(ex, request.getAttribute(SUBMITTED));
		if (refusal == null || handler.getBeanType()
			.isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
			throw ex instanceof RuntimeException runtime ? runtime : new ServletException(ex);
		}
		showAgain(refusal, pageOf(handler, request), request, response);
	}

	/**
	 * Shows the page at the path again with the refusal: its status, and a forward to the
	 * page's GET handler, which reads the refusal as the model's {@code errors},
	 * {@code refusal} and {@code submitted}.
	 */
	static void showAgain(Refusal refusal, String page, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		request.setAttribute(Refusal.ATTRIBUTE, refusal);
		response.setStatus(refusal.status().value());
		request.getRequestDispatcher(page).forward(new AsPageRequest(request), response);
	}

	@ExceptionHandler(UnknownRecord.class)
	ModelAndView unknown(UnknownRecord ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
		return new ModelAndView();
	}

	/**
	 * An argument that cannot be converted: a page address's id names no page (404), a
	 * parameter is a bad request (400). Handled here before the converter's cause (often
	 * an {@link UnknownRecord}) is looked at, so a parameter stays a 400.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView unreadable(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
		boolean inPath = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		response.sendError(inPath ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
		return new ModelAndView();
	}

	/** The current refusal while a page is shown again, for handlers that need it. */
	static @Nullable Refusal current(HttpServletRequest request) {
		return request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal : null;
	}

	private static String pageOf(HandlerMethod handler, HttpServletRequest request) {
		ShownAgainAt again = handler.getMethodAnnotation(ShownAgainAt.class);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (again == null) {
			return path;
		}
		Map<String, String> variables = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> variables.put(name, values[0]));
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> uri) {
			uri.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
		}
		return UriComponentsBuilder.fromUriString(again.value()).buildAndExpand(variables).encode().toUriString();
	}

	/**
	 * The refused request as the page's GET sees it: method GET, and only the parameters
	 * of the page's own address.
	 */
	private static final class AsPageRequest extends HttpServletRequestWrapper {

		AsPageRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

	}

}
