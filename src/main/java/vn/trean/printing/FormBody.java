package vn.trean.printing;

import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import static vn.trean.printing.FormParts.BODY_SIZE;
import static vn.trean.printing.FormParts.MM;
import static vn.trean.printing.FormParts.nfc;

/**
 * The content of a printed form, block by block: a section title in bold, a field with
 * its value in bold (or a dotted line to fill in by hand), a justified paragraph, a
 * checklist with its boxes ticked or not, a table with a header row repeated on every
 * page.
 */
final class FormBody {

	private static final String BLANK = "........................................................";

	private static final String CHECKED = "⊠";

	private static final String UNCHECKED = "□";

	private final FormParts parts;

	FormBody(FormParts parts) {
		this.parts = parts;
	}

	Element block(OfficialDocument.Block block) {
		if (block instanceof OfficialDocument.Section section) {
			return section(section);
		}
		if (block instanceof OfficialDocument.Field field) {
			return field(field);
		}
		if (block instanceof OfficialDocument.Text text) {
			return text(text);
		}
		if (block instanceof OfficialDocument.Checklist list) {
			return checklist(list);
		}
		return table((OfficialDocument.Table) block);
	}

	private Paragraph section(OfficialDocument.Section section) {
		Paragraph p = parts.paragraph(section.title(), parts.bold(), BODY_SIZE, Element.ALIGN_LEFT);
		p.setSpacingBefore(8);
		p.setSpacingAfter(2);
		return p;
	}

	private Paragraph field(OfficialDocument.Field field) {
		Paragraph p = new Paragraph("", new Font(parts.regular(), BODY_SIZE));
		p.setLeading(BODY_SIZE * 1.35f);
		p.add(new Chunk(nfc(field.label()) + ": ", new Font(parts.regular(), BODY_SIZE)));
		boolean blank = field.value() == null || field.value().isBlank();
		p.add(new Chunk(blank ? BLANK : nfc(field.value()),
				new Font(blank ? parts.regular() : parts.bold(), BODY_SIZE)));
		p.setSpacingAfter(1);
		return p;
	}

	private Paragraph text(OfficialDocument.Text text) {
		Paragraph p = parts.paragraph(text.text(), parts.regular(), BODY_SIZE, Element.ALIGN_JUSTIFIED);
		p.setFirstLineIndent(10 * MM);
		p.setSpacingAfter(3);
		return p;
	}

	private Paragraph checklist(OfficialDocument.Checklist list) {
		Paragraph p = new Paragraph("", new Font(parts.regular(), BODY_SIZE));
		p.setLeading(BODY_SIZE * 1.35f);
		if (list.label() != null) {
			p.add(new Chunk(nfc(list.label()) + ":", new Font(parts.regular(), BODY_SIZE)));
		}
		for (OfficialDocument.Check check : list.items()) {
			p.add(new Chunk("\n", new Font(parts.regular(), BODY_SIZE)));
			p.add(new Chunk("    " + (check.checked() ? CHECKED : UNCHECKED) + " ",
					new Font(parts.regular(), BODY_SIZE)));
			p.add(new Chunk(nfc(check.label()), new Font(check.checked() ? parts.bold() : parts.regular(), BODY_SIZE)));
		}
		p.setSpacingAfter(3);
		return p;
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
			pdf.addCell(boxed(header, parts.bold(), Element.ALIGN_CENTER));
		}
		for (List<String> row : table.rows()) {
			for (String value : row) {
				pdf.addCell(boxed(value, parts.regular(), Element.ALIGN_LEFT));
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

}
