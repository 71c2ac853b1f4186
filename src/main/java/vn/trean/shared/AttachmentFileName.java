package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;

/**
 * The name an attachment is listed and downloaded under: the sender's file name without
 * folders, control or bidirectional-override characters and the characters file systems
 * refuse, at most 200 characters, always ending in an extension of its real type (so a
 * picture named {@code .html} downloads as {@code .html.png}).
 *
 * @param value the safe name
 */
public record AttachmentFileName(String value) {

	static final int MAX_LENGTH = 200;

	/**
	 * The longest name a sender may give, in characters with its folders: longer ones are
	 * refused rather than cut, as no file system keeps them (a name within it but over
	 * {@link #MAX_LENGTH} is shortened).
	 */
	static final int MAX_SUBMITTED_LENGTH = 255;

	private static final String FALLBACK_BASE = "tep-dinh-kem";

	private static final Pattern RESERVED = Pattern.compile("[<>:\"/\\\\|?*]");

	private static final Pattern UNSEEN = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	public AttachmentFileName {
		if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH
				|| RESERVED.matcher(value).find() || UNSEEN.matcher(value).find()
				|| !value.equals(Normalizer.normalize(value, Normalizer.Form.NFC))) {
			throw new IllegalArgumentException("Not a safe attachment file name");
		}
	}

	/** Whether a submitted name is longer than {@link #MAX_SUBMITTED_LENGTH}. */
	public static boolean tooLong(@Nullable String submitted) {
		return submitted != null && submitted.codePointCount(0, submitted.length()) > MAX_SUBMITTED_LENGTH;
	}

	/** The safe name for a submitted file name and the type its content showed. */
	public static AttachmentFileName of(@Nullable String submitted, AttachmentType type) {
		String name = submitted == null ? "" : submitted;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = UNSEEN.matcher(name).replaceAll("");
		name = RESERVED.matcher(name).replaceAll("_");
		name = WHITESPACE.matcher(name).replaceAll(" ");
		name = strip(name);
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String base = name;
		if (!type.extensions().contains(extension)) {
			extension = type.extensions().get(0);
		}
		else {
			base = name.substring(0, dot);
		}
		base = strip(base);
		if (base.isEmpty()) {
			base = FALLBACK_BASE;
		}
		int room = MAX_LENGTH - extension.length() - 1;
		if (base.codePointCount(0, base.length()) > room) {
			base = strip(base.substring(0, base.offsetByCodePoints(0, room)));
		}
		return new AttachmentFileName(base + "." + extension);
	}

	/**
	 * The {@code Content-Disposition} of a download: always an attachment, the exact name
	 * in RFC 5987 {@code filename*} as Spring writes it, and as {@code filename} for old
	 * clients the name with its marks folded (Spring's own fallback would turn each
	 * Vietnamese letter into _).
	 */
	public String contentDisposition() {
		String exact = ContentDisposition.attachment().filename(value, StandardCharsets.UTF_8).build().toString();
		return "attachment; filename=\"" + asciiFallback() + "\"; " + exact.substring(exact.indexOf("filename*="));
	}

	/**
	 * The name in printable ASCII: Vietnamese letters without their marks, others as _.
	 */
	String asciiFallback() {
		String bare = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD))
			.replaceAll("")
			.replace('đ', 'd')
			.replace('Đ', 'D');
		StringBuilder ascii = new StringBuilder();
		bare.codePoints()
			.forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
		return ascii.toString();
	}

	/** Without white space and dots at either end (Windows drops them). */
	private static String strip(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
			end--;
		}
		return name.substring(start, end);
	}

	@Override
	public String toString() {
		return value;
	}

}
