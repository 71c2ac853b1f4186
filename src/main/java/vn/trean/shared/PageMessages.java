package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The message bundles ({@code messages*.properties}, UTF-8, Vietnamese by default) behind
 * every page, e-mail and problem answer; Spring Boot's message source steps back for this
 * bean.
 * <p>
 * Why not Boot's own: it keeps one {@link MessageFormat} per message and locale and
 * formats under that object's lock, so every row of a list that shows a message with
 * arguments (a time left, an overdue-by) queued the request threads behind each other:
 * most of the tail latency of the case lists under load (a JFR recording counted 28 s
 * blocked on MessageFormat monitors in a 90-second benchmark). Here each formatting gets
 * its own MessageFormat from the cached pattern text: a few microseconds of parsing, no
 * shared lock.
 */
@Component("messageSource")
class PageMessages extends ResourceBundleMessageSource {

	PageMessages() {
		setBasename("messages");
		setDefaultEncoding(StandardCharsets.UTF_8.name());
		setFallbackToSystemLocale(false);
	}

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		String pattern = resolveCodeWithoutArguments(code, locale);
		return pattern == null ? null : createMessageFormat(pattern, locale);
	}

}
