package vn.trean.printing;

import java.text.Normalizer;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;

/**
 * The three faces of DejaVu Serif a form is set in, and the small parts every piece of it
 * is made of: a paragraph, a borderless cell, text in NFC.
 */
record FormParts(BaseFont regular, BaseFont bold, BaseFont italic) {

	static final float MM = 72f / 25.4f;

	static final float BODY_SIZE = 12f;

	Paragraph paragraph(String text, BaseFont font, float size, int alignment) {
		Paragraph p = new Paragraph(nfc(text), new Font(font, size));
		p.setAlignment(alignment);
		p.setLeading(size * 1.3f);
		return p;
	}

	static PdfPCell cell() {
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		return cell;
	}

	/** Precomposed letters: the font has a glyph for each, none for stacked marks. */
	static String nfc(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
	}

}
