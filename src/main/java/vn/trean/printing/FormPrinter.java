package vn.trean.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import static vn.trean.printing.FormParts.BODY_SIZE;
import static vn.trean.printing.FormParts.MM;
import static vn.trean.printing.FormParts.cell;
import static vn.trean.printing.FormParts.nfc;

/**
 * Lays an {@link OfficialDocument} out as an A4 PDF the way Vietnamese administrative
 * forms look (margins and heading after Decree 30/2020), with DejaVu Serif embedded so
 * every Vietnamese letter prints and the text can be searched and copied.
 */
@Component
public class FormPrinter {

	static final String FONT_DIRECTORY = "/fonts/";

	private final FormParts parts;

	private final FormHeading heading;

	private final FormBody body;

	FormPrinter() {
		this.parts = new FormParts(font("DejaVuSerif.ttf"), font("DejaVuSerif-Bold.ttf"),
				font("DejaVuSerif-Italic.ttf"));
		this.heading = new FormHeading(parts);
		this.body = new FormBody(parts);
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
			heading.add(document, form);
			for (OfficialDocument.Block block : form.body()) {
				document.add(body.block(block));
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
			cell.addElement(parts.paragraph(signature.capacity(), parts.bold(), BODY_SIZE, Element.ALIGN_CENTER));
			if (signature.caption() != null) {
				cell.addElement(
						parts.paragraph(signature.caption(), parts.italic(), BODY_SIZE - 1, Element.ALIGN_CENTER));
			}
			Paragraph room = new Paragraph(" ", new Font(parts.regular(), BODY_SIZE));
			room.setSpacingBefore(56);
			cell.addElement(room);
			if (signature.name() != null && !signature.name().isBlank()) {
				cell.addElement(parts.paragraph(signature.name(), parts.bold(), BODY_SIZE, Element.ALIGN_CENTER));
			}
			table.addCell(cell);
		}
		document.add(table);
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
