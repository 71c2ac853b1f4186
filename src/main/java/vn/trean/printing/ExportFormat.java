package vn.trean.printing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What an exported file is served as (its content type and file name extension), and the
 * languages a file can be written in. The modules' export jobs name their formats and
 * languages through it, so every download is typed and named alike.
 *
 * @param contentType the content type the file is served with
 * @param extension the file name's extension, without the dot
 */
public record ExportFormat(String contentType, String extension) {

	public static final ExportFormat XLSX = new ExportFormat(Workbook.CONTENT_TYPE, "xlsx");

	public static final ExportFormat PDF = new ExportFormat("application/pdf", "pdf");

	public static final ExportFormat CSV = new ExportFormat("text/csv;charset=UTF-8", "csv");

	public static final ExportFormat JSON = new ExportFormat("application/json", "json");

	/** The languages a file can be written in; the first is the default. */
	public static final List<String> LANGUAGES = List.of("vi", "en");

	/**
	 * The language of a file for a requester reading the pages in {@code locale}:
	 * Vietnamese unless the locale's language is another of {@link #LANGUAGES}.
	 */
	public static String languageFor(@Nullable Locale locale) {
		String language = locale == null ? "" : locale.getLanguage();
		return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
	}

	/**
	 * The constant of an enum of formats that a request names ({@code xlsx},
	 * {@code PDF }: case and surrounding blanks aside), or empty.
	 */
	public static <E extends Enum<E>> Optional<E> named(Class<E> formats, @Nullable String text) {
		String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(formats.getEnumConstants()).filter(f -> f.name().equals(name)).findFirst();
	}

}
