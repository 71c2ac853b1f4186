package vn.trean.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem details for API requests refused by the security filters. */
@Component
class ProblemResponses {

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, 401, "api.unauthorized");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, 403, "api.forbidden");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status, String key)
			throws IOException {
		Locale locale = request.getHeader("Accept-Language") == null ? new Locale("vi") : request.getLocale();
		String title = messages.getMessage(key, null, key, locale);
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":" + status
					+ ",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
	}

}
