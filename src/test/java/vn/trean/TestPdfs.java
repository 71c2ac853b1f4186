package vn.trean;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What the tests read of a printed PDF. */
public final class TestPdfs {

	private TestPdfs() {
	}

	/**
	 * The words of the PDF, one space between them: lines wrap wherever the layout puts
	 * them, so the tests compare the words.
	 */
	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
