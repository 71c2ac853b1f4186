package vn.trean.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.BaseFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF writer without Spring: what it prints is read back with PDFBox, a second,
 * independent PDF implementation, so a form that only looks right to OpenPDF fails.
 */
class FormPrinterTests {

	private static final String VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
			+ "uùúủũụưừứửữựyỳýỷỹỵđ";

	private final FormPrinter printer = new FormPrinter();

	@Test
	void printsTheNationalHeadingTheCommitteeTheFormNumberAndThePlaceAndDate() {
		String text = text(printer.print(form("Nguyễn Thị Thủy").build()));

		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"UBND PHƯỜNG CÁI KHẾ", "Mẫu số 02", "Cái Khế, ngày 05 tháng 03 năm 2026",
				"PHIẾU ĐÁNH GIÁ NGUY CƠ BAN ĐẦU");
	}

	@Test
	void keepsVietnameseLettersIntactEvenWhenTheTextArrivesDecomposed() {
		String decomposed = Normalizer.normalize("Nguyễn Thị Thủy", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Nguyễn Thị Thủy");

		String text = text(printer.print(form(decomposed).build()));

		// read back as precomposed letters: the marks were not stacked glyph on glyph
		assertThat(text).contains("Họ và tên trẻ: Nguyễn Thị Thủy");
	}

	@Test
	void everyVietnameseLetterHasItsOwnGlyphInEachFontTheFormsUse() {
		String letters = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase(Locale.forLanguageTag("vi"));
		for (String file : List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf")) {
			BaseFont font = FormPrinter.font(file);
			StringBuilder missing = new StringBuilder();
			letters.chars().filter(c -> !font.charExists(c)).forEach(missing::appendCodePoint);
			assertThat(missing).as("letters without a glyph in " + file).isEmpty();
		}
		assertThat(text(printer.print(form(letters).build())).replaceAll("\\s+", "")).contains(letters);
	}

	@Test
	void embedsItsFontsSoTheFormPrintsTheSameEverywhere() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(printer.print(form("Nguyễn Thị Thủy").build()))) {
			List<PDFont> fonts = fonts(pdf);

			assertThat(fonts).isNotEmpty();
			assertThat(fonts).allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				assertThat(font.getName()).contains("DejaVuSerif");
			});
		}
	}

	@Test
	void endsWithTheSignatureBlocksAndTheirCaptions() {
		String text = text(
				printer.print(form("Nguyễn Thị Thủy").signature("NGƯỜI LẬP", OfficialWording.SIGN, "Lê Văn Cán Bộ")
					.signature("CHỦ TỊCH", OfficialWording.SIGN_AND_SEAL, null)
					.build()));

		assertThat(text).contains("NGƯỜI LẬP", "CHỦ TỊCH", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)",
				"Lê Văn Cán Bộ");
		assertThat(text.indexOf("NGƯỜI LẬP")).isGreaterThan(text.indexOf("Họ và tên trẻ"));
	}

	@Test
	void printsAMissingValueAsADottedLineToFillInByHand() {
		String text = text(printer.print(form("Nguyễn Thị Thủy").field("Ngày sinh", null).build()));

		assertThat(text).containsPattern("Ngày sinh: \\.{20,}");
	}

	@Test
	void ticksTheChosenOptionsOfAChecklistAndListsTheOthers() {
		String text = text(printer.print(form("Nguyễn Thị Thủy")
			.checklist("Hình thức xâm hại",
					List.of(new OfficialDocument.Check("Bạo lực", true), new OfficialDocument.Check("Bỏ rơi", false)))
			.build()));

		assertThat(text).contains("⊠ Bạo lực", "□ Bỏ rơi");
	}

	@Test
	void printsTablesWithTheirHeaderAndCells() {
		String text = text(printer.print(
				form("Nguyễn Thị Thủy")
					.table(List.of("Nội dung", "Mức độ"), List.of(List.of("Nguy cơ xâm hại lặp lại", "Trung bình")),
							List.of(3, 1))
					.build()));

		assertThat(text).contains("Nội dung", "Mức độ", "Nguy cơ xâm hại lặp lại", "Trung bình");
	}

	@Test
	void longContentFlowsOntoFurtherPagesAndTheSignaturesStillFollow() throws IOException {
		OfficialDocument.Builder form = form("Nguyễn Thị Thủy");
		for (int i = 0; i < 60; i++) {
			form.text("Đoạn " + i + ": trẻ được hỗ trợ tâm lý, chăm sóc y tế và theo dõi tại gia đình.");
		}
		byte[] pdf = printer.print(form.signature("NGƯỜI LẬP", OfficialWording.SIGN, null).build());

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
		}
		assertThat(text(pdf)).contains("Đoạn 59", "NGƯỜI LẬP");
	}

	@Test
	void downloadsAsANeverCachedAttachmentUnderAnAsciiFileName() {
		ResponseEntity<byte[]> response = printer.attachment(form("Nguyễn Thị Thủy").build(), "VV-2026-000012-mau-02");

		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"VV-2026-000012-mau-02.pdf\"");
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(new String(response.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
			.isEqualTo("%PDF-");
	}

	@Test
	void foldsVietnameseAndStripsAnythingUnsafeFromFileNames() {
		assertThat(FormPrinter.safeFileName("Mẫu 01 / Đồng Tháp \"x\"\r\n.pdf")).isEqualTo("Mau-01-Dong-Thap-x.pdf");
		assertThat(FormPrinter.safeFileName("../../etc/passwd")).isEqualTo("etc-passwd.pdf");
		assertThat(FormPrinter.safeFileName("")).isEqualTo("form.pdf");
	}

	private static OfficialDocument.Builder form(String childName) {
		return OfficialDocument
			.builder(OfficialWording.committee("Phường Cái Khế"), "Cái Khế", LocalDate.of(2026, 3, 5),
					"PHIẾU ĐÁNH GIÁ NGUY CƠ BAN ĐẦU")
			.formNumber("02")
			.section("I. THÔNG TIN VỀ TRẺ")
			.field("Họ và tên trẻ", childName);
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<PDFont> fonts(PDDocument pdf) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : pdf.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
		}
		return fonts;
	}

}
