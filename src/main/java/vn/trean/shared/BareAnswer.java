package vn.trean.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * A translated answer written without the layout, the session, the security filters or
 * the error page, for the refusals made before any of them may run ({@link RequestInput},
 * {@link DatabaseOutage}): a small page for pages, a problem (RFC 9457) for the API.
 */
final class BareAnswer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The numbers to call when a child is in danger now (the child protection hotline,
	 * the police, Cần Thơ's line), as a page's text may name them.
	 */
	private static final Pattern EMERGENCY_NUMBER = Pattern.compile("(?<!\\d)(111|113|1800 8065)(?!\\d)");

	private BareAnswer() {
	}

	static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * Writes the answer; {@code text} may be {@code null} for a problem with a title
	 * only.
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Locale locale,
			String title, String text) throws IOException {
		response.resetBuffer();
		response.setStatus(status.value());
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (api(request)) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", title);
			problem.put("status", status.value());
			if (text != null) {
				problem.put("detail", text);
			}
			response.setContentType("application/problem+json;charset=UTF-8");
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
			response.getOutputStream().write(JSON.writeValueAsBytes(problem));
		}
		else {
			String context = request.getContextPath();
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Content-Security-Policy",
					"default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'none'");
			response.getWriter()
				.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
						+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
						+ escape(title) + "</title><link rel=\"stylesheet\" href=\"" + context
						+ "/css/app.css\"></head>\n<body><main id=\"main\"><h1>" + escape(title)
						+ "</h1>\n<p class=\"alert\" role=\"alert\">" + callable(escape(text))
						+ "</p></main></body></html>\n");
		}
		response.flushBuffer();
	}

	/** The page's text with each emergency number it names a tel: link. */
	static String callable(String html) {
		return EMERGENCY_NUMBER.matcher(html)
			.replaceAll(m -> "<a href=\"tel:" + m.group(1).replace(" ", "") + "\">" + m.group(1) + "</a>");
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
