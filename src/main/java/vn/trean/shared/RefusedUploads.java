package vn.trean.shared;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps an upload the server refuses answerable with a page. Tomcat parses a multipart
 * body at the first parameter read (Spring Security's CSRF check) and, when the body is
 * larger than {@code spring.servlet.multipart.max-request-size} or malformed, throws on
 * that read and on every later one, so neither the CSRF check, nor the controller advice,
 * nor the error page could run. This filter, ahead of security, parses first; when that
 * fails, the rest of the request sees only the parameters of its query string, and
 * reading its parts raises the failure, which Spring MVC reports as
 * {@code MaxUploadSizeExceededException} (or {@code MultipartException}) for a controller
 * advice to answer. Upload forms therefore also carry the CSRF token in their address.
 */
@Configuration(proxyBeanMethods = false)
class RefusedUploads {

	/** Ahead of Spring Security (-100), after the character encoding filter. */
	static final int ORDER = -150;

	@Bean
	FilterRegistrationBean<Filter> refusedUploadFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(RefusedUploads::filter);
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR);
		return registration;
	}

	static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		chain.doFilter(request instanceof HttpServletRequest http && multipart(http) ? parsed(http) : request,
				response);
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && uploadPath(request);
	}

	/**
	 * The addresses that take files; a multipart body anywhere else is refused unread.
	 */
	private static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile(
			"/cases/[^/]+/attachments|/cases/[^/]+/grounds/consents|/children/[^/]+/circumstances/entries(?:/correct)?|/plans/[^/]+/import/[^/]+|/statistics/dhis2-mapping");

	/** Whether the request goes to an address that takes files. */
	static boolean uploadPath(HttpServletRequest request) {
		return UPLOADS.matcher(request.getServletPath()).matches();
	}

	private static HttpServletRequest parsed(HttpServletRequest request) {
		try {
			request.getParts();
			return request;
		}
		catch (IOException | ServletException | RuntimeException ex) {
			return new Refused(request, ex);
		}
	}

	/** A multipart request whose body could not be read: only its query string counts. */
	static final class Refused extends HttpServletRequestWrapper {

		private final Exception failure;

		private final Map<String, String[]> query;

		Refused(HttpServletRequest request, Exception failure) {
			super(request);
			this.failure = failure;
			this.query = Collections.unmodifiableMap(parse(request.getQueryString()));
		}

		@Override
		public String getParameter(String name) {
			String[] values = query.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return query;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(query.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return query.get(name);
		}

		@Override
		public Collection<Part> getParts() {
			throw new IllegalStateException(failure.getMessage(), failure);
		}

		@Override
		public Part getPart(String name) {
			throw new IllegalStateException(failure.getMessage(), failure);
		}

		private static Map<String, String[]> parse(String queryString) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			if (queryString != null) {
				for (String pair : queryString.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int eq = pair.indexOf('=');
					String name = decode(eq < 0 ? pair : pair.substring(0, eq));
					String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
					values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
			Map<String, String[]> result = new LinkedHashMap<>();
			values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
			return result;
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return "";
			}
		}

	}

}
