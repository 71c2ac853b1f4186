package vn.trean.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}),
 * written by Jackson from Spring's {@link ProblemDetail}, with the title in the caller's
 * language (Accept-Language, Vietnamese when absent) and, for invalid input, the errors
 * by field ({@code errors: [{field, message}]}). The same refusals as the pages
 * ({@link Refusal}): invalid input 422, a rule or a stale version 409, a record that does
 * not exist 404 ({@link UnknownRecord}). Pages keep their translated HTML error pages;
 * only REST controllers answer with problems. Errors raised before a handler is chosen (a
 * content type no mapping consumes) never reach this advice, so an endpoint that must
 * answer those in the caller's language takes any content type and checks it itself (the
 * intake API's 415). A body that passed its limit while it was read
 * ({@link RequestInput}) is a 413, not an unreadable body.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	/** The caller's language: Accept-Language when sent, else Vietnamese. */
	public static Locale localeOf(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? WebShell.VIETNAMESE : request.getLocale();
	}

	/**
	 * A problem with a translated title and, when given, the errors by field (message
	 * keys, translated here). Controllers that must answer a problem themselves use this.
	 */
	public ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String titleKey, Locale locale,
			@Nullable Map<String, String> fieldErrors) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage(titleKey, null, titleKey, locale));
		if (fieldErrors != null && !fieldErrors.isEmpty()) {
			List<Map<String, String>> list = new ArrayList<>();
			fieldErrors.forEach((field, messageKey) -> {
				Map<String, String> item = new LinkedHashMap<>();
				item.put("field", field);
				item.put("message", messages.getMessage(messageKey, null, messageKey, locale));
				list.add(item);
			});
			problem.setProperty("errors", list);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler({ InvalidInput.class, RuleBroken.class, ChangedMeanwhile.class })
	ResponseEntity<ProblemDetail> refused(RuntimeException ex, HttpServletRequest request) {
		Refusal refusal = Refusal.of(ex, null);
		Locale locale = localeOf(request);
		if (refusal.isConflict()) {
			return problem(refusal.status(), refusal.messageKey(), locale, null);
		}
		return problem(refusal.status(), "api.input.invalid", locale, refusal.errors().asMap());
	}

	/**
	 * A record the address names that does not exist: 404 titled with what is missing.
	 */
	@ExceptionHandler(UnknownRecord.class)
	ResponseEntity<ProblemDetail> unknown(UnknownRecord ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.messageKey(), localeOf(request), null);
	}

	/**
	 * An id or a parameter of the wrong shape: 400 naming it, never a 500 (also when the
	 * id's {@code valueOf} refused it as an {@link UnknownRecord}).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatched(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "api.body.invalid-value", localeOf(request),
				Map.of(ex.getName(), "validation.invalid"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = localeOf(((org.springframework.web.context.request.NativeWebRequest) request)
			.getNativeRequest(HttpServletRequest.class));
		return ResponseEntity.class.cast(problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.input.invalid", locale,
				Refusal.errorsOf(ex.getBindingResult()).asMap()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = localeOf(((org.springframework.web.context.request.NativeWebRequest) request)
			.getNativeRequest(HttpServletRequest.class));
		if (!RequestInput.tooLarge(ex)) {
			return ResponseEntity.class.cast(problem(HttpStatus.BAD_REQUEST, "api.body.malformed", locale, null));
		}
		return ResponseEntity.class.cast(problem(HttpStatus.CONTENT_TOO_LARGE, "input.too-large", locale, null));
	}

}
