package vn.trean.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the system stores and searches it. Every search key goes through
 * {@link #fold(String)}, so "Nguyễn" in NFC, "Nguyễn" in NFD, "NGUYEN" and "nguyen" meet,
 * and both tone-mark placements ("Hòa"/"Hoà", "Thủy"/"Thuỷ") fold to the same key
 * (docs/domain.md §7).
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/**
	 * The search key of a text: NFC, diacritics removed, đ→d, lower case, spaces
	 * collapsed. Removing the marks after decomposition makes both tone-mark placements
	 * equal.
	 * @param text any text, possibly {@code null}
	 * @return the folded key, empty for {@code null} or blank input
	 */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFC), Normalizer.Form.NFD);
		String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return collapseSpaces(bare.toLowerCase(Locale.ROOT));
	}

	/**
	 * Text as it is stored: NFC, trimmed, inner runs of white space collapsed to one
	 * space.
	 * @param text any text, possibly {@code null}
	 * @return the normalised text, or {@code null} for {@code null}
	 */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		return collapseSpaces(Normalizer.normalize(text, Normalizer.Form.NFC));
	}

	/**
	 * Free text as it is stored: NFC and trimmed, its line breaks and spacing kept.
	 * @param text any text, possibly {@code null}
	 * @return the normalised text, or {@code null} for {@code null}
	 */
	public static String normalizeParagraphs(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
	}

	private static String collapseSpaces(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

}
