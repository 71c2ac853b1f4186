package vn.trean.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure as a person types it in their language: in Vietnamese {@code 1.200} is twelve
 * hundred and {@code 1,5} one and a half, in English {@code 1,200} and {@code 1.5}.
 * Digits may be grouped by threes with the language's separator or with spaces; a group
 * of another size is no grouping, so {@code 12.5} typed in Vietnamese still reads as a
 * decimal, while {@code 1,200} typed in Vietnamese (one point two or twelve hundred?) has
 * three decimals, more than any figure allows, and is refused. A hand-written reader
 * because {@code NumberFormat} accepts any prefix of a text ({@code 1.2.3} or
 * {@code 12abc}) and groups of any size.
 */
public final class NumberInput {

	private static final Pattern SPACES = Pattern.compile("(?<=\\d)[ \\u00A0\\u202F](?=\\d{3})");

	private static final Pattern POINT_OR_COMMA = Pattern.compile("(\\d+)[.,](\\d{1,2})");

	private NumberInput() {
	}

	/**
	 * The number typed, or empty when the text is not one: grouped wrongly, more than
	 * {@code maxDigits} digits before the decimal separator, more than
	 * {@code maxDecimals} after it (none for a whole number). A sign is kept; whether a
	 * negative figure is allowed is the caller's rule.
	 * @param locale the language the person typed in; {@code null} reads digits without
	 * grouping, with a point or a comma before the decimals (a figure a program wrote)
	 */
	public static Optional<BigDecimal> read(String text, Locale locale, int maxDigits, int maxDecimals) {
		if (text == null) {
			return Optional.empty();
		}
		String t = locale == null ? text.strip() : SPACES.matcher(text.strip()).replaceAll("");
		String sign = t.startsWith("-") ? "-" : "";
		t = t.substring(sign.length());
		String group = locale == null ? null : (vietnamese(locale) ? "." : ",");
		String decimal = locale == null ? null : (vietnamese(locale) ? "," : ".");
		String whole = t;
		String fraction = null;
		int own = decimal == null ? -1 : t.lastIndexOf(decimal);
		Matcher other = POINT_OR_COMMA.matcher(t);
		if (own >= 0) {
			whole = t.substring(0, own);
			fraction = t.substring(own + 1);
		}
		else if ((group == null || !grouped(t, group)) && maxDecimals > 0 && other.matches()) {
			// a point or comma before one or two digits is no grouping, whatever the
			// language
			whole = other.group(1);
			fraction = other.group(2);
		}
		if (fraction != null && (maxDecimals == 0 || !fraction.matches("\\d{1," + maxDecimals + "}"))) {
			return Optional.empty();
		}
		if (!whole.matches("\\d+") && (group == null || !grouped(whole, group))) {
			return Optional.empty();
		}
		String digits = group == null ? whole : whole.replace(group, "");
		if (digits.length() > maxDigits) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(sign + digits + (fraction == null ? "" : "." + fraction)));
	}

	/** Whether the text is digits grouped by threes with the separator. */
	private static boolean grouped(String text, String group) {
		return text.matches("\\d{1,3}(?:" + Pattern.quote(group) + "\\d{3})+");
	}

	/** A whole number of at most {@code maxDigits} digits, read as {@link #read}. */
	public static Optional<Long> whole(String text, Locale locale, int maxDigits) {
		return read(text, locale, maxDigits, 0).map(BigDecimal::longValueExact);
	}

	private static boolean vietnamese(Locale locale) {
		return "vi".equals(locale.getLanguage());
	}

}
