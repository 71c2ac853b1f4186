package vn.trean.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the system stores and searches it. Every search key goes through
 * {@link #fold(String)}, so "Nguyễn" in NFC, "Nguyễn" in NFD, "NGUYEN" and "nguyen" meet,
 * and both tone-mark placements ("Hòa"/"Hoà", "Thủy"/"Thuỷ") fold to the same key
 * (docs/domain.md §7). Names are listed in {@link #ORDER}, the Vietnamese alphabet.
 */
public final class VietnameseText {

	/**
	 * The Vietnamese alphabetical order of names, as the database's {@code vietnamese}
	 * collation (ICU's) orders them in SQL: a ă â b c d đ e ê … o ô ơ … u ư, each letter
	 * with its tones after it (a à ả ã á ạ), capitals after small letters, and a space
	 * before any letter, so "An Phú" comes before "Anh". The JDK's Vietnamese collator
	 * ignores spaces and hyphens; the tailoring puts them first as ICU does. Ties (equal
	 * under the collator) fall back to the characters' order, as PostgreSQL breaks them.
	 */
	public static final Comparator<String> ORDER = vietnameseOrder();

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

	/**
	 * The keys whose name contains the text, in any spelling ({@link #fold}): what a
	 * search names when it names a place.
	 */
	public static <K> List<K> keysNaming(Map<K, String> names, String text) {
		String key = fold(text);
		return names.entrySet().stream().filter(e -> fold(e.getValue()).contains(key)).map(Map.Entry::getKey).toList();
	}

	/**
	 * The order of things by their name in {@link #ORDER}.
	 * @param name the name a thing is listed by
	 * @return the comparator
	 */
	public static <T> Comparator<T> byName(Function<? super T, String> name) {
		return Comparator.comparing(name, ORDER);
	}

	private static Comparator<String> vietnameseOrder() {
		RuleBasedCollator vietnamese = (RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag("vi"));
		try {
			RuleBasedCollator tailored = new RuleBasedCollator(vietnamese.getRules() + "& '_' < ' ' < '-'");
			tailored.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
			Comparator<String> letters = tailored::compare;
			return letters.thenComparing(Comparator.naturalOrder());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the Vietnamese collation rules do not parse", ex);
		}
	}

	private static String collapseSpaces(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

}
