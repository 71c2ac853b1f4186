package vn.trean.identity;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.trean.shared.ApiProblems;

/**
 * Writes RFC 9457 problem details for API requests refused by the security filters, which
 * run before any controller advice: the same translated {@link ProblemDetail} as
 * {@link ApiProblems}, written by the application's Jackson mapper with the mix-in Spring
 * MVC writes problems with, and {@code WWW-Authenticate: Bearer} on a 401.
 */
@Component
class ProblemResponses {

	private final ApiProblems problems;

	private final JsonMapper json;

	ProblemResponses(ApiProblems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "api.unauthorized");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "api.forbidden");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleKey)
			throws IOException {
		ProblemDetail problem = problems.problem(status, titleKey, ApiProblems.localeOf(request), null).getBody();
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException ex) {
			// a path the container let through but no URI can hold: the problem goes
			// without
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

}
