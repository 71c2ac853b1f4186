package vn.trean.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page address whose id cannot be read ({@code /directory/agencies/abc}, a typed id's
 * {@code valueOf} refusing the text) names no page: 404, the same answer as an id that
 * names nothing, never a 500. A parameter that cannot be read stays a 400. The REST API
 * answers both with a 400 problem ({@link ApiProblems}, which comes first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class MalformedIds {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView unreadable(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
		boolean inPath = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		response.sendError(inPath ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
		return new ModelAndView();
	}

}
