package vn.trean.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The errors of one submitted form: field name to message key, shown next to each field
 * in the page's language. Pages read it as {@code errors}. Serializable, so a refusal can
 * be a flash attribute across a redirect (sessions are stored in the database).
 */
public final class FormErrors implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * An HTML tag as a browser reads one (an opening tag with or without attributes, a
	 * closing tag, a comment), or the start of a script tag. A less-than sign followed by
	 * a space, a digit or a letter with a diacritic is text (see
	 * {@link #checkPlainText}).
	 */
	private static final Pattern MARKUP = Pattern
		.compile("<(?:[a-z][a-z0-9-]*(?:[\\s/][^<>]*)?>|/[a-z][^<>]*>|!--|\\?)|<script", Pattern.CASE_INSENSITIVE);

	private final LinkedHashMap<String, String> errors = new LinkedHashMap<>();

	public FormErrors reject(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	/**
	 * Rejects a required field that is blank, any field longer than {@code max}
	 * characters, and any field with a control character other than tab and line breaks
	 * (the same ones every request parameter is refused for, checked here again for the
	 * API's JSON bodies). The length is that of the text as stored, in NFC: a few
	 * characters grow when composed (U+0958 becomes two), so a text within the limit as
	 * typed could overflow its column.
	 */
	public FormErrors checkText(String field, String value, boolean required, int max) {
		if (required && (value == null || value.isBlank())) {
			reject(field, "validation.required");
		}
		else if (value != null) {
			String broken = brokenTextRule(value, max, false);
			if (broken != null) {
				reject(field, broken);
			}
		}
		return this;
	}

	/**
	 * The message key of the first text rule a value breaks, or {@code null}: longer than
	 * {@code max} once stored, a control character (NUL cannot be stored in PostgreSQL
	 * text; the others are escape sequences), or, when {@code refuseMarkup}, HTML markup.
	 * The one definition behind {@link #checkText}, {@link #checkPlainText} and
	 * {@link PlainText}.
	 */
	static String brokenTextRule(String value, int max, boolean refuseMarkup) {
		if (storedLength(value) > max) {
			return "validation.too-long";
		}
		if (RequestInput.hasControlCharacter(value)) {
			return "validation.control-character";
		}
		if (refuseMarkup && MARKUP.matcher(value).find()) {
			return "validation.markup";
		}
		return null;
	}

	/**
	 * {@link #checkText}, and rejects HTML markup: a tag such as {@code <b>} or
	 * {@code </script>}, or the start of a script tag. Used where reports arrive from the
	 * public and other systems (intake, the child registry), which refuse markup
	 * outright; a less-than sign not opening a tag ("trẻ < 6 tuổi") is text. Every page
	 * escapes what it shows in any case.
	 */
	public FormErrors checkPlainText(String field, String value, boolean required, int max) {
		if (required && (value == null || value.isBlank())) {
			return reject(field, "validation.required");
		}
		String broken = value == null ? null : brokenTextRule(value, max, true);
		return broken == null ? this : reject(field, broken);
	}

	/**
	 * Whether a text holds a control character no stored text may (all but tab and line
	 * breaks): for values that are not form fields, such as a header kept as sent.
	 */
	public static boolean hasControlCharacter(String value) {
		return RequestInput.hasControlCharacter(value);
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public boolean has(String field) {
		return errors.containsKey(field);
	}

	public String get(String field) {
		return errors.get(field);
	}

	/** The errors by field, in the order they were found (the order of the form). */
	public Map<String, String> asMap() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	private static int storedLength(String value) {
		String stored = VietnameseText.normalizeParagraphs(value);
		return stored.codePointCount(0, stored.length());
	}

}
