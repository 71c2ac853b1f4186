package vn.trean.shared;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}).
 * Pages keep their translated HTML error pages; only REST controllers answer with
 * problems. Errors raised before a handler is chosen (a content type no mapping consumes)
 * never reach this advice, so an endpoint that must answer those in the caller's language
 * takes any content type and checks it itself (the intake API's 415). A body that passed
 * its limit while it was read ({@link RequestInput}) is a 413, not an unreadable body.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (!RequestInput.tooLarge(ex)) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		Locale locale = language == null ? WebShell.VIETNAMESE : request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
		problem.setTitle(getMessageSource() == null ? "input.too-large"
				: getMessageSource().getMessage("input.too-large", null, "input.too-large", locale));
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
