package vn.trean.plans;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file as {@link CsvTable} hands it to the CSV library, and
 * where a record the library refuses went wrong. Bytes that are not UTF-8 text (UTF-16,
 * an Excel workbook renamed, a control character) are refused with the reason a plan
 * administrator can act on; a quote out of place is located by line and column, which the
 * library does not report.
 */
final class CsvText {

	private CsvText() {
	}

	/** The file's text without its byte order mark, or refused. */
	static String decode(byte[] bytes) {
		int start = startsWith(bytes, CsvTable.BOM) ? CsvTable.BOM.length : 0;
		if (bytes.length == start) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.empty", null));
		}
		if (startsWith(bytes, (byte) 0xFF, (byte) 0xFE) || startsWith(bytes, (byte) 0xFE, (byte) 0xFF)) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.utf16", null));
		}
		if (startsWith(bytes, (byte) 'P', (byte) 'K', (byte) 3, (byte) 4)
				|| startsWith(bytes, (byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0)) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.workbook", null));
		}
		String text = utf8(bytes, start);
		requireText(text);
		if (text.isBlank()) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.empty", null));
		}
		return text;
	}

	private static String utf8(byte[] bytes, int start) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length - start);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int line = 1;
			for (int i = start; i < in.position(); i++) {
				line += bytes[i] == '\n' ? 1 : 0;
			}
			throw new ImportRefused(new ImportProblem(line, 0, null, "plans.import.file.not-utf8", null));
		}
		return out.flip().toString();
	}

	/** Refuses control characters other than tab and line breaks, naming the line. */
	private static void requireText(String text) {
		int line = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F || c == '\uFEFF') {
				throw new ImportRefused(new ImportProblem(line, 0, null, "plans.import.file.not-text", null));
			}
		}
	}

	/**
	 * The first quote out of place in the record that starts on {@code line}, or
	 * {@code null}: a quote that opens a cell and is never closed (named at its own
	 * line), text after a closing quote, or a quote inside a cell that did not start with
	 * one. A loop over the characters of one record, because that is the only way to know
	 * the cell a quote is in.
	 */
	static ImportProblem misquoted(String text, int line, char delimiter) {
		int column = 1;
		boolean closed = false;
		boolean started = false;
		for (int i = offsetOf(text, line); i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == delimiter) {
				column++;
				closed = false;
				started = false;
			}
			else if (c == '\r' || c == '\n') {
				return null;
			}
			else if (closed) {
				return ImportProblem.at(line, column, null, "plans.import.csv.after-quote");
			}
			else if (c == '"' && started) {
				return ImportProblem.at(line, column, null, "plans.import.csv.stray-quote");
			}
			else if (c == '"') {
				int end = closingQuote(text, i + 1);
				if (end < 0) {
					return ImportProblem.at(line, column, null, "plans.import.csv.unclosed-quote");
				}
				line += lineBreaks(text, i + 1, end);
				i = end;
				closed = true;
			}
			else {
				started = true;
			}
		}
		return null;
	}

	/**
	 * Where the quoted cell that starts before {@code from} closes, a doubled quote being
	 * a quote inside it; -1 when it never closes.
	 */
	private static int closingQuote(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) == '"') {
				if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
					i++;
				}
				else {
					return i;
				}
			}
		}
		return -1;
	}

	/** The line breaks between two offsets. */
	private static int lineBreaks(String text, int from, int to) {
		int breaks = 0;
		for (int i = from; i < to; i++) {
			breaks += lineBreak(text, i) ? 1 : 0;
		}
		return breaks;
	}

	/** Where a line starts, counting CR, LF and CRLF as one line break each. */
	private static int offsetOf(String text, int line) {
		int i = 0;
		for (int at = 1; at < line && i < text.length(); i++) {
			if (lineBreak(text, i)) {
				at++;
			}
		}
		return i;
	}

	/** A line feed, or a carriage return not followed by one. */
	private static boolean lineBreak(String text, int i) {
		char c = text.charAt(i);
		return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
	}

	private static boolean startsWith(byte[] bytes, byte... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
