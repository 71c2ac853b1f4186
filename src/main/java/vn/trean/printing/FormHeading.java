package vn.trean.printing;

import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import static vn.trean.printing.FormParts.BODY_SIZE;
import static vn.trean.printing.FormParts.cell;
import static vn.trean.printing.FormParts.nfc;

/**
 * The heading of a printed form after Decree 30/2020: the form number on the right; the
 * committee's name over a short rule and the document number on the left; the nation's
 * name, the motto underlined and the place-and-date line on the right; then the title.
 */
final class FormHeading {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final FormParts parts;

	FormHeading(FormParts parts) {
		this.parts = parts;
	}

	void add(Document document, OfficialDocument form) throws DocumentException {
		if (form.formNumber() != null) {
			Paragraph number = parts.paragraph(OfficialWording.formNumber(form.formNumber()), parts.bold(), 11,
					Element.ALIGN_RIGHT);
			number.setSpacingAfter(4);
			document.add(number);
		}
		PdfPTable heading = new PdfPTable(new float[] { 42, 58 });
		heading.setWidthPercentage(100);
		heading.setSpacingAfter(14);
		heading.addCell(committee(form));
		heading.addCell(nation(document, form));
		document.add(heading);

		Paragraph title = parts.paragraph(form.title(), parts.bold(), BODY_SIZE + 2, Element.ALIGN_CENTER);
		document.add(title);
		if (form.subtitle() != null) {
			document.add(parts.paragraph(form.subtitle(), parts.italic(), BODY_SIZE, Element.ALIGN_CENTER));
		}
		Paragraph gap = new Paragraph(" ", new Font(parts.regular(), 6));
		document.add(gap);
	}

	/** The left column: the committee, a short rule, the document number. */
	private PdfPCell committee(OfficialDocument form) {
		PdfPCell left = cell();
		Paragraph committee = parts.paragraph(form.committee().toUpperCase(VIETNAMESE), parts.bold(), BODY_SIZE,
				Element.ALIGN_CENTER);
		committee.setSpacingAfter(5);
		left.addElement(committee);
		left.addElement(rule(35));
		if (form.documentNumber() != null) {
			Paragraph number = parts.paragraph(form.documentNumber(), parts.regular(), BODY_SIZE, Element.ALIGN_CENTER);
			number.setSpacingBefore(4);
			left.addElement(number);
		}
		return left;
	}

	/** The right column: the nation's name, the motto, the place and date. */
	private PdfPCell nation(Document document, OfficialDocument form) {
		PdfPCell right = cell();
		// the nation's name stands on one line: shrink it to the column if need be
		float available = (document.right() - document.left()) * 0.58f - 2;
		float nationSize = Math.min(BODY_SIZE, available / parts.bold().getWidthPoint(OfficialWording.NATION, 1));
		right.addElement(parts.paragraph(OfficialWording.NATION, parts.bold(), nationSize, Element.ALIGN_CENTER));
		Chunk motto = new Chunk(nfc(OfficialWording.MOTTO), new Font(parts.bold(), BODY_SIZE));
		motto.setUnderline(0.6f, -3f);
		Paragraph mottoLine = new Paragraph(motto);
		mottoLine.setAlignment(Element.ALIGN_CENTER);
		right.addElement(mottoLine);
		Paragraph dateLine = parts.paragraph(OfficialWording.placeAndDate(form.place(), form.date()), parts.italic(),
				BODY_SIZE, Element.ALIGN_CENTER);
		dateLine.setSpacingBefore(8);
		right.addElement(dateLine);
		return right;
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

}
