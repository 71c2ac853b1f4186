package vn.trean.shared;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The filter of the input gate ({@link RequestInput}, which says what it refuses):
 * refuses a request before anything reads it, or passes it on with its body bounded.
 */
final class InputGate extends OncePerRequestFilter {

	private final InputLimits limits;

	private final MessageSource messages;

	private final LocaleResolver locales;

	InputGate(InputLimits limits, MessageSource messages, LocaleResolver locales) {
		this.limits = limits;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean multipart = multipart(request);
		long limit = BareAnswer.api(request) ? limits.maxApiBody().toBytes() : limits.maxFormBody().toBytes();
		HttpStatus refused = refusal(request, multipart, limit);
		if (refused != null) {
			refuse(request, response, refused);
			return;
		}
		try {
			chain.doFilter(multipart ? request : new RequestInput.Bounded(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!RequestInput.tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
		}
	}

	/** Why the request is refused before anything reads it, or {@code null}. */
	private static HttpStatus refusal(HttpServletRequest request, boolean multipart, long limit) {
		if (multipart && !RefusedUploads.uploadPath(request)) {
			// parsed by Tomcat up to the upload limit at the first parameter
			// read: only the addresses that take files may receive one
			return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		}
		if (!multipart && request.getContentLengthLong() > limit) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			return ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value() ? HttpStatus.CONTENT_TOO_LARGE
					: HttpStatus.BAD_REQUEST;
		}
		if (!acceptable(parameters) || RequestInput.hasControlCharacter(path(request)) || !acceptableHeaders(request)) {
			return HttpStatus.BAD_REQUEST;
		}
		return null;
	}

	/** The path as decoded for the handlers, whose variables it fills. */
	private static String path(HttpServletRequest request) {
		String info = request.getPathInfo();
		return info == null ? request.getServletPath() : request.getServletPath() + info;
	}

	/**
	 * Headers as Tomcat decodes them (ISO-8859-1): Spring Security's firewall refuses the
	 * same characters, but with an untranslated answer.
	 */
	private static boolean acceptableHeaders(HttpServletRequest request) {
		for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			if (RequestInput.hasControlCharacter(name)) {
				return false;
			}
			for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
				if (RequestInput.hasControlCharacter(values.nextElement())) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean acceptable(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (RequestInput.hasControlCharacter(parameter.getKey())) {
				return false;
			}
			for (String value : parameter.getValue()) {
				if (value != null && RequestInput.hasControlCharacter(value)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * A page gets a plain translated page in the language of its cookie, the API a
	 * problem in the language of its {@code Accept-Language}. Neither goes through the
	 * error page: that would read the refused parameters again, and run the security
	 * filters on a request without its CSRF token.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws IOException {
		if (BareAnswer.api(request)) {
			Locale locale = request.getHeader("Accept-Language") == null ? WebShell.VIETNAMESE : request.getLocale();
			String key = status == HttpStatus.CONTENT_TOO_LARGE ? "input.too-large" : "input.refused";
			BareAnswer.write(request, response, status, locale, messages.getMessage(key, null, key, locale), null);
		}
		else {
			Locale locale = locales.resolveLocale(request);
			String prefix = "error." + status.value();
			BareAnswer.write(request, response, status, locale, text(prefix + ".title", locale),
					text(prefix + ".text", locale));
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

}
