package vn.trean.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Lays an {@link OfficialDocument} out as an A4 PDF the way Vietnamese administrative
 * forms look (margins and heading after Decree 30/2020), with DejaVu Serif embedded so
 * every Vietnamese letter prints and the text can be searched and copied.
 */
@Component
public class FormPrinter {

	static final String FONT_DIRECTORY = "/fonts/";

	private static final float MM = 72f / 25.4f;

	private static final float BODY_SIZE = 12f;

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String BLANK = "........................................................";

	private static final String CHECKED = "⊠";

	private static final String UNCHECKED = "□";

	private final BaseFont regular;

	private final BaseFont bold;

	private final BaseFont italic;

	FormPrinter() {
		this.regular = font("DejaVuSerif.ttf");
		this.bold = font("DejaVuSerif-Bold.ttf");
		this.italic = font("DejaVuSerif-Italic.ttf");
	}

	/** The document as PDF bytes. */
	public byte[] print(OfficialDocument form) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle(nfc(form.title()));
			document.addCreator("Trẻ An");
			document.open();
			heading(document, form);
			for (OfficialDocument.Block block : form.body()) {
				document.add(block(block));
			}
			signatures(document, form.signatures());
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("The form could not be laid out", ex);
		}
		return out.toByteArray();
	}

	/**
	 * The document as a download: {@code application/pdf}, an attachment under a safe
	 * ASCII file name, never cached (the forms carry personal data).
	 */
	public ResponseEntity<byte[]> attachment(OfficialDocument form, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(safeFileName(fileName)).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(print(form));
	}

	/**
	 * A file name any system accepts: Vietnamese letters folded to ASCII, anything else
	 * but letters, digits, dot, dash and underscore turned into a dash; ends in .pdf.
	 */
	static String safeFileName(String name) {
		String base = name == null ? "" : name.endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
		String bare = Normalizer.normalize(base, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace('Đ', 'D')
			.replace('đ', 'd');
		StringBuilder ascii = new StringBuilder();
		for (char c : bare.toCharArray()) {
			ascii.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_') ? c : '-');
		}
		String cleaned = ascii.toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
		return (cleaned.isEmpty() ? "form" : cleaned) + ".pdf";
	}

	// ---- the heading ----

	private void heading(Document document, OfficialDocument form) throws DocumentException {
		if (form.formNumber() != null) {
			Paragraph number = paragraph(OfficialWording.formNumber(form.formNumber()), bold, 11, Element.ALIGN_RIGHT);
			number.setSpacingAfter(4);
			document.add(number);
		}
		PdfPTable heading = new PdfPTable(new float[] { 42, 58 });
		heading.setWidthPercentage(100);
		heading.setSpacingAfter(14);

		PdfPCell left = cell();
		Paragraph committee = paragraph(form.committee().toUpperCase(VIETNAMESE), bold, BODY_SIZE,
				Element.ALIGN_CENTER);
		committee.setSpacingAfter(5);
		left.addElement(committee);
		left.addElement(rule(35));
		if (form.documentNumber() != null) {
			Paragraph number = paragraph(form.documentNumber(), regular, BODY_SIZE, Element.ALIGN_CENTER);
			number.setSpacingBefore(4);
			left.addElement(number);
		}
		heading.addCell(left);

		PdfPCell right = cell();
		// the nation's name stands on one line: shrink it to the column if need be
		float available = (document.right() - document.left()) * 0.58f - 2;
		float nationSize = Math.min(BODY_SIZE, available / bold.getWidthPoint(OfficialWording.NATION, 1));
		right.addElement(paragraph(OfficialWording.NATION, bold, nationSize, Element.ALIGN_CENTER));
		Chunk motto = new Chunk(nfc(OfficialWording.MOTTO), new Font(bold, BODY_SIZE));
		motto.setUnderline(0.6f, -3f);
		Paragraph mottoLine = new Paragraph(motto);
		mottoLine.setAlignment(Element.ALIGN_CENTER);
		right.addElement(mottoLine);
		Paragraph dateLine = paragraph(OfficialWording.placeAndDate(form.place(), form.date()), italic, BODY_SIZE,
				Element.ALIGN_CENTER);
		dateLine.setSpacingBefore(8);
		right.addElement(dateLine);
		heading.addCell(right);
		document.add(heading);

		Paragraph title = paragraph(form.title(), bold, BODY_SIZE + 2, Element.ALIGN_CENTER);
		document.add(title);
		if (form.subtitle() != null) {
			document.add(paragraph(form.subtitle(), italic, BODY_SIZE, Element.ALIGN_CENTER));
		}
		Paragraph gap = new Paragraph(" ", new Font(regular, 6));
		document.add(gap);
	}

	// ---- the content ----

	private Element block(OfficialDocument.Block block) {
		if (block instanceof OfficialDocument.Section section) {
			Paragraph p = paragraph(section.title(), bold, BODY_SIZE, Element.ALIGN_LEFT);
			p.setSpacingBefore(8);
			p.setSpacingAfter(2);
			return p;
		}
		if (block instanceof OfficialDocument.Field field) {
			Paragraph p = new Paragraph("", new Font(regular, BODY_SIZE));
			p.setLeading(BODY_SIZE * 1.35f);
			p.add(new Chunk(nfc(field.label()) + ": ", new Font(regular, BODY_SIZE)));
			boolean blank = field.value() == null || field.value().isBlank();
			p.add(new Chunk(blank ? BLANK : nfc(field.value()), new Font(blank ? regular : bold, BODY_SIZE)));
			p.setSpacingAfter(1);
			return p;
		}
		if (block instanceof OfficialDocument.Text text) {
			Paragraph p = paragraph(text.text(), regular, BODY_SIZE, Element.ALIGN_JUSTIFIED);
			p.setFirstLineIndent(10 * MM);
			p.setSpacingAfter(3);
			return p;
		}
		if (block instanceof OfficialDocument.Checklist list) {
			Paragraph p = new Paragraph("", new Font(regular, BODY_SIZE));
			p.setLeading(BODY_SIZE * 1.35f);
			if (list.label() != null) {
				p.add(new Chunk(nfc(list.label()) + ":", new Font(regular, BODY_SIZE)));
			}
			for (OfficialDocument.Check check : list.items()) {
				p.add(new Chunk("\n", new Font(regular, BODY_SIZE)));
				p.add(new Chunk("    " + (check.checked() ? CHECKED : UNCHECKED) + " ", new Font(regular, BODY_SIZE)));
				p.add(new Chunk(nfc(check.label()), new Font(check.checked() ? bold : regular, BODY_SIZE)));
			}
			p.setSpacingAfter(3);
			return p;
		}
		return table((OfficialDocument.Table) block);
	}

	private PdfPTable table(OfficialDocument.Table table) {
		float[] widths = new float[table.widths().size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = table.widths().get(i);
		}
		PdfPTable pdf = new PdfPTable(widths);
		pdf.setWidthPercentage(100);
		pdf.setSpacingBefore(4);
		pdf.setSpacingAfter(6);
		pdf.setHeaderRows(1);
		for (String header : table.header()) {
			pdf.addCell(boxed(header, bold, Element.ALIGN_CENTER));
		}
		for (List<String> row : table.rows()) {
			for (String value : row) {
				pdf.addCell(boxed(value, regular, Element.ALIGN_LEFT));
			}
		}
		return pdf;
	}

	private PdfPCell boxed(String text, BaseFont font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(nfc(text == null ? "" : text), new Font(font, BODY_SIZE - 1)));
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setPadding(4);
		cell.setBorderWidth(0.5f);
		return cell;
	}

	// ---- who signs ----

	private void signatures(Document document, List<OfficialDocument.Signature> signatures) throws DocumentException {
		if (signatures.isEmpty()) {
			return;
		}
		int columns = Math.max(2, signatures.size());
		PdfPTable table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setSpacingBefore(16);
		table.setKeepTogether(true);
		if (signatures.size() == 1) {
			table.addCell(cell());
		}
		for (OfficialDocument.Signature signature : signatures) {
			PdfPCell cell = cell();
			cell.addElement(paragraph(signature.capacity(), bold, BODY_SIZE, Element.ALIGN_CENTER));
			if (signature.caption() != null) {
				cell.addElement(paragraph(signature.caption(), italic, BODY_SIZE - 1, Element.ALIGN_CENTER));
			}
			Paragraph room = new Paragraph(" ", new Font(regular, BODY_SIZE));
			room.setSpacingBefore(56);
			cell.addElement(room);
			if (signature.name() != null && !signature.name().isBlank()) {
				cell.addElement(paragraph(signature.name(), bold, BODY_SIZE, Element.ALIGN_CENTER));
			}
			table.addCell(cell);
		}
		document.add(table);
	}

	// ---- plumbing ----

	private Paragraph paragraph(String text, BaseFont font, float size, int alignment) {
		Paragraph p = new Paragraph(nfc(text), new Font(font, size));
		p.setAlignment(alignment);
		p.setLeading(size * 1.3f);
		return p;
	}

	private static PdfPCell cell() {
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		return cell;
	}

	/**
	 * A short centred line: an empty cell with only a top border, so no text is drawn.
	 */
	private static PdfPTable rule(float percentage) {
		PdfPTable rule = new PdfPTable(1);
		rule.setWidthPercentage(percentage);
		rule.setSpacingBefore(2);
		PdfPCell line = new PdfPCell();
		line.setBorder(Rectangle.TOP);
		line.setBorderWidthTop(0.6f);
		line.setFixedHeight(2);
		rule.addCell(line);
		return rule;
	}

	/** Precomposed letters: the font has a glyph for each, none for stacked marks. */
	private static String nfc(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	static BaseFont font(String file) {
		try (InputStream in = FormPrinter.class.getResourceAsStream(FONT_DIRECTORY + file)) {
			if (in == null) {
				throw new IllegalStateException("Font missing from the classpath: " + FONT_DIRECTORY + file);
			}
			return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Font unreadable: " + file, ex);
		}
	}

}
