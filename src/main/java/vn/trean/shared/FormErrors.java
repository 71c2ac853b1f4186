package vn.trean.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of one submitted form: field name to message key, shown next to each field
 * in the page's language. Pages read it as {@code errors}.
 */
public final class FormErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	public FormErrors reject(String field, String messageKey) {
		errors.putIfAbsent(field, messageKey);
		return this;
	}

	/**
	 * Rejects a required field that is blank, any field longer than {@code max}
	 * characters, and any field with a NUL character.
	 */
	public FormErrors checkText(String field, String value, boolean required, int max) {
		if (required && (value == null || value.isBlank())) {
			reject(field, "validation.required");
		}
		else if (value != null && value.codePointCount(0, value.length()) > max) {
			reject(field, "validation.too-long");
		}
		else if (value != null && value.indexOf('\0') >= 0) {
			// PostgreSQL cannot store the NUL character in text
			reject(field, "validation.invalid");
		}
		return this;
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

	public Map<String, String> asMap() {
		return Map.copyOf(errors);
	}

}
