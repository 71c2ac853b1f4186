package vn.trean.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one gate every request passes before anything reads it, Spring Security included
 * (so the login form is covered). It refuses, with a translated 400 page or API problem:
 * a parameter (query or form, name or value), a header or a path holding a control
 * character no text may contain ({@link #hasControlCharacter}), and parameters the server
 * cannot decode (invalid UTF-8), which would otherwise escape as an exception logged at
 * ERROR. It refuses with 413 a body larger than {@link InputLimits} allows: by its
 * declared {@code Content-Length} before a byte of it is read, and while it is read when
 * it comes in chunks (Tomcat's {@code max-http-form-post-size} for forms, a counting
 * stream for the API's JSON). Multipart uploads are parsed earlier
 * ({@link RefusedUploads}) and limited by {@code spring.servlet.multipart.*}, so only
 * their query and text fields are checked here.
 * <p>
 * Line breaks and tabs pass: the filter cannot know which fields are multi-line, and they
 * are harmless in a single-line one (a page shows them as a space). What each field may
 * contain beyond this is checked by the field's own validation ({@link FormErrors}),
 * which also refuses control characters, for the JSON bodies the filter does not parse.
 */
@Configuration(proxyBeanMethods = false)
class RequestInput {

	/**
	 * After the upload parsing ({@link RefusedUploads}), before Spring Security (-100).
	 */
	static final int ORDER = RefusedUploads.ORDER + 10;

	@Bean
	FilterRegistrationBean<Gate> requestInputFilter(InputLimits limits, MessageSource messages,
			LocaleResolver locales) {
		FilterRegistrationBean<Gate> registration = new FilterRegistrationBean<>(new Gate(limits, messages, locales));
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Whether a text holds a C0 control character other than tab, line feed and carriage
	 * return, DEL, a C1 control character (U+0080 to U+009F), or a character that
	 * reorders or breaks what is shown (the bidirectional embeddings, overrides and
	 * isolates, the line and paragraph separators): NUL, which PostgreSQL cannot store,
	 * the escape sequences that rewrite a terminal showing a log or an export, and the
	 * characters that make a name read as another. No Vietnamese text needs any of them.
	 */
	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
					|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
					|| c == 0x200e || c == 0x200f) {
				return true;
			}
		}
		return false;
	}

	/** Whether a failure is, or was caused by, a body past its limit. */
	static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	/** A body that went past its limit while it was read. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes");
		}

	}

	static final class Gate extends OncePerRequestFilter {

		private final InputLimits limits;

		private final MessageSource messages;

		private final LocaleResolver locales;

		Gate(InputLimits limits, MessageSource messages, LocaleResolver locales) {
			this.limits = limits;
			this.messages = messages;
			this.locales = locales;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean multipart = multipart(request);
			if (multipart && !RefusedUploads.uploadPath(request)) {
				// parsed by Tomcat up to the upload limit at the first parameter read:
				// only
				// the addresses that take files may receive one
				refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
				return;
			}
			long limit = BareAnswer.api(request) ? limits.maxApiBody().toBytes() : limits.maxFormBody().toBytes();
			if (!multipart && request.getContentLengthLong() > limit) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
				return;
			}
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				refuse(request, response, ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
						? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
				return;
			}
			if (!acceptable(parameters) || hasControlCharacter(path(request)) || !acceptableHeaders(request)) {
				refuse(request, response, HttpStatus.BAD_REQUEST);
				return;
			}
			try {
				chain.doFilter(multipart ? request : new Bounded(request, limit), response);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				if (!tooLarge(ex) || response.isCommitted()) {
					throw ex;
				}
				response.reset();
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
			}
		}

		/** The path as decoded for the handlers, whose variables it fills. */
		private static String path(HttpServletRequest request) {
			String info = request.getPathInfo();
			return info == null ? request.getServletPath() : request.getServletPath() + info;
		}

		/**
		 * Headers as Tomcat decodes them (ISO-8859-1): Spring Security's firewall refuses
		 * the same characters, but with an untranslated answer.
		 */
		private static boolean acceptableHeaders(HttpServletRequest request) {
			for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
				String name = names.nextElement();
				if (hasControlCharacter(name)) {
					return false;
				}
				for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
					if (hasControlCharacter(values.nextElement())) {
						return false;
					}
				}
			}
			return true;
		}

		private static boolean acceptable(Map<String, String[]> parameters) {
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				if (hasControlCharacter(parameter.getKey())) {
					return false;
				}
				for (String value : parameter.getValue()) {
					if (value != null && hasControlCharacter(value)) {
						return false;
					}
				}
			}
			return true;
		}

		/**
		 * A page gets a plain translated page in the language of its cookie, the API a
		 * problem in the language of its {@code Accept-Language}. Neither goes through
		 * the error page: that would read the refused parameters again, and run the
		 * security filters on a request without its CSRF token.
		 */
		private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
				throws IOException {
			if (BareAnswer.api(request)) {
				Locale locale = request.getHeader("Accept-Language") == null ? WebShell.VIETNAMESE
						: request.getLocale();
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

	/** A request whose body stream fails with {@link BodyTooLarge} past the limit. */
	static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > limit) {
				throw new BodyTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
