package vn.trean.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reads a list page's filter from its address one field at a time, the same way on every
 * list: a wrong value is refused by the field it came in (never thrown, never silently
 * dropped), with the list's own messages, keys {@code <prefix>.search.too-short},
 * {@code .search.wildcards}, {@code .filter.unknown}, {@code .filter.date} and
 * {@code .filter.to-before-from}.
 */
public final class ListFilterFields {

	private final FormErrors errors = new FormErrors();

	private final String prefix;

	/**
	 * @param prefix the list's message prefix, such as {@code cases}
	 */
	public ListFilterFields(String prefix) {
		this.prefix = prefix;
	}

	/** What was refused so far. */
	public FormErrors errors() {
		return errors;
	}

	/** Refuses the field with the list's message {@code <prefix>.<key>}. */
	public void refuse(String field, String key) {
		errors.reject(field, prefix + "." + key);
	}

	/**
	 * The search text {@code q}, normalised, or null when none; refused when it is one
	 * character, only wildcards (which are otherwise searched as the characters they
	 * are), too long or holds a control character.
	 */
	public @Nullable String search(@Nullable String typed, int max) {
		String q = VietnameseText.normalize(typed);
		if (q == null || q.isEmpty()) {
			return null;
		}
		int length = q.codePointCount(0, q.length());
		if (FormErrors.hasControlCharacter(q)) {
			errors.reject("q", "validation.control-character");
		}
		else if (length > max) {
			errors.reject("q", "validation.too-long");
		}
		else if (q.replaceAll("[%_*?\\s]", "").isEmpty()) {
			refuse("q", "search.wildcards");
		}
		else if (length < 2) {
			refuse("q", "search.too-short");
		}
		return q;
	}

	/** The constant the text names (in any letter case), or null when none is given. */
	public <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String text, String field) {
		if (blank(text)) {
			return null;
		}
		Optional<E> found = Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(text.strip()))
			.findFirst();
		if (found.isEmpty()) {
			refuse(field, "filter.unknown");
		}
		return found.orElse(null);
	}

	/** A record's id as typed, or null when none is given. */
	public @Nullable Long number(@Nullable String text, String field) {
		if (blank(text)) {
			return null;
		}
		if (!text.strip().matches("\\d{1,18}")) {
			refuse(field, "filter.unknown");
			return null;
		}
		return Long.parseLong(text.strip());
	}

	/** A day (ISO, as a date field sends it), or null when none is given. */
	public @Nullable LocalDate date(@Nullable String text, String field) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			refuse(field, "filter.date");
			return null;
		}
	}

	/** Refuses a period that ends before it starts. */
	public void period(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			refuse("to", "filter.to-before-from");
		}
	}

	/** The direction {@code asc} or {@code desc}, the default when none is given. */
	public boolean ascending(@Nullable String dir, boolean byDefault) {
		if (blank(dir)) {
			return byDefault;
		}
		if (!"asc".equals(dir) && !"desc".equals(dir)) {
			refuse("dir", "filter.unknown");
		}
		return "asc".equals(dir);
	}

	/** The page number, at most {@code last}; the first when none is given. */
	public int page(@Nullable String text, int last) {
		if (blank(text)) {
			return 0;
		}
		if (!text.strip().matches("\\d{1,9}")) {
			refuse("page", "filter.unknown");
			return 0;
		}
		return Math.min(Integer.parseInt(text.strip()), last);
	}

	public static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
