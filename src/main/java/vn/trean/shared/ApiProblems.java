package vn.trean.shared;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details ({@code application/problem+json}).
 * Pages keep their translated HTML error pages; only REST controllers answer with
 * problems. Errors raised before a handler is chosen (a content type no mapping consumes)
 * never reach this advice, so an endpoint that must answer those in the caller's language
 * takes any content type and checks it itself (the intake API's 415).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

}
