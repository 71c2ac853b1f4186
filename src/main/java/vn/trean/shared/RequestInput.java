package vn.trean.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	FilterRegistrationBean<InputGate> requestInputFilter(InputLimits limits, MessageSource messages,
			LocaleResolver locales) {
		FilterRegistrationBean<InputGate> registration = new FilterRegistrationBean<>(
				new InputGate(limits, messages, locales));
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
