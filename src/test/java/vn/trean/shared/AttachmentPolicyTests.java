package vn.trean.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a case may hold, told from the content alone: no name and no content type in
 * sight.
 */
public class AttachmentPolicyTests {

	/** A real 1×1 PNG. */
	public static final byte[] PNG = HexFormat.of()
		.parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
				+ "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

	public static final byte[] PDF = ascii(
			"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

	public static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");

	@Test
	void recognisesPdfAndPicturesFromTheirFirstBytes() {
		assertThat(type(PDF)).isEqualTo(AttachmentType.PDF);
		assertThat(type(PNG)).isEqualTo(AttachmentType.PNG);
		assertThat(type(JPEG)).isEqualTo(AttachmentType.JPEG);
		assertThat(type(concat(ascii("RIFF"), new byte[] { 0x24, 0, 0, 0 }, ascii("WEBPVP8 "), new byte[16])))
			.isEqualTo(AttachmentType.WEBP);
		assertThat(type(ftyp("heic", "mif1", "heic"))).isEqualTo(AttachmentType.HEIC);
		assertThat(type(ftyp("mif1", "mif1", "heic"))).as("generic HEIF with a HEVC brand")
			.isEqualTo(AttachmentType.HEIC);
	}

	@Test
	void refusesProgramsWhateverTheyAreCalledWithTheirOwnMessage() {
		assertThat(AttachmentPolicy.assess(concat(ascii("MZ"), new byte[200])).reason())
			.isEqualTo("attachment.type-executable");
		assertThat(AttachmentPolicy.assess(concat(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, new byte[100])).reason())
			.isEqualTo("attachment.type-executable");
		assertThat(AttachmentPolicy.assess(ascii("#!/bin/sh\nrm -rf /\n")).reason())
			.isEqualTo("attachment.type-executable");
		assertThat(AttachmentPolicy.assess(HexFormat.of().parseHex("cafebabe0000003d")).reason())
			.isEqualTo("attachment.type-executable");
	}

	@Test
	void refusesHtmlScriptsAndEverythingElseThatIsNoAcceptedType() {
		for (String text : new String[] { "<html><script>alert(1)</script></html>", "<svg onload=alert(1)>",
				" %PDF-1.4 (not at the start)", "GIF89a", "PK\u0003\u0004 a zip", "plain words" }) {
			assertThat(AttachmentPolicy.assess(ascii(text))).satisfies(v -> assertThat(v.allowed()).as(text).isFalse())
				.satisfies(v -> assertThat(v.reason()).as(text).isEqualTo("attachment.type-refused"));
		}
		assertThat(type(ftyp("avif", "mif1", "avif"))).as("AVIF is not HEIC").isNull();
		assertThat(type(ftyp("mif1", "mif1", "avif"))).as("generic HEIF without a HEVC brand").isNull();
		assertThat(type(ascii("RIFF\0\0\0\0WAVEfmt "))).as("a RIFF sound").isNull();
		assertThat(type(new byte[] { (byte) 0x89, 'P', 'N' })).as("cut short").isNull();
	}

	@Test
	void refusesAnEmptyFileAndOneOverTenMegabytes() {
		assertThat(AttachmentPolicy.assess(new byte[0]).reason()).isEqualTo("attachment.required");
		assertThat(AttachmentPolicy.assess(null).reason()).isEqualTo("attachment.required");
		byte[] exactly = Arrays.copyOf(PDF, AttachmentPolicy.MAX_BYTES);
		assertThat(AttachmentPolicy.assess(exactly).value()).isEqualTo(AttachmentType.PDF);
		byte[] over = Arrays.copyOf(PDF, AttachmentPolicy.MAX_BYTES + 1);
		assertThat(AttachmentPolicy.assess(over).reason()).isEqualTo("attachment.too-large");
	}

	private static AttachmentType type(byte[] content) {
		return AttachmentPolicy.assess(content).value();
	}

	/** An ISO base media file type box with the major brand and the compatible ones. */
	static byte[] ftyp(String major, String... compatible) {
		int size = 16 + 4 * compatible.length;
		byte[] box = concat(new byte[] { 0, 0, 0, (byte) size }, ascii("ftyp"), ascii(major), new byte[4]);
		for (String brand : compatible) {
			box = concat(box, ascii(brand));
		}
		return concat(box, new byte[32]);
	}

	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
