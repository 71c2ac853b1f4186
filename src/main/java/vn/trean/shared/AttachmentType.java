package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file an attachment may be (a case's file, a special circumstance's
 * evidence), each recognised by its first bytes (its magic number), never by its name or
 * by the content type the browser claims: a program renamed {@code .pdf} is still a
 * program.
 */
public enum AttachmentType {

	PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png"),
	WEBP("image/webp", "webp"), HEIC("image/heic", "heic", "heif");

	private static final byte[] PDF_MAGIC = ascii("%PDF-");

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	/** ISO base media brands of HEVC-coded HEIF pictures (what phones save as .heic). */
	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");

	/**
	 * Generic HEIF brands: a HEIC picture only when a HEVC brand is among the compatible
	 * ones.
	 */
	private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

	/** Starts of programs and scripts, refused with their own message. */
	private static final List<byte[]> EXECUTABLE_MAGIC = List.of(ascii("MZ"), new byte[] { 0x7f, 'E', 'L', 'F' },
			ascii("#!"), new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce },
			new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf },
			new byte[] { (byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe });

	private final String mediaType;

	private final List<String> extensions;

	AttachmentType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	/** The media type the file is served with. */
	public String mediaType() {
		return mediaType;
	}

	/** File name extensions that fit the type, the usual one first (lower case). */
	public List<String> extensions() {
		return extensions;
	}

	/** The type of a stored media type. */
	public static AttachmentType ofMediaType(String mediaType) {
		return Arrays.stream(values())
			.filter(t -> t.mediaType.equals(mediaType))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an attachment type: " + mediaType));
	}

	/**
	 * The type the content shows in its first bytes, if it is one an attachment may be.
	 */
	static Optional<AttachmentType> sniff(byte[] content) {
		if (startsWith(content, 0, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, 0, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBPVP8"))) {
			return Optional.of(WEBP);
		}
		if (heic(content)) {
			return Optional.of(HEIC);
		}
		return Optional.empty();
	}

	/** Whether the content starts like a program or a script. */
	static boolean executable(byte[] content) {
		return EXECUTABLE_MAGIC.stream().anyMatch(magic -> startsWith(content, 0, magic));
	}

	/**
	 * An ISO base media file whose first box is {@code ftyp} with a HEVC brand, as major
	 * brand or (for the generic HEIF brands) among the compatible ones.
	 */
	private static boolean heic(byte[] content) {
		if (!startsWith(content, 4, ascii("ftyp")) || content.length < 12) {
			return false;
		}
		String major = new String(content, 8, 4, StandardCharsets.ISO_8859_1);
		if (HEIC_BRANDS.contains(major)) {
			return true;
		}
		if (!HEIF_BRANDS.contains(major)) {
			return false;
		}
		long boxSize = ((content[0] & 0xffL) << 24) | ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8)
				| (content[3] & 0xff);
		int end = (int) Math.min(Math.min(boxSize, content.length), 256);
		for (int brand = 16; brand + 4 <= end; brand += 4) {
			if (HEIC_BRANDS.contains(new String(content, brand, 4, StandardCharsets.ISO_8859_1))) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] content, int offset, byte[] magic) {
		if (content.length < offset + magic.length) {
			return false;
		}
		return Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
