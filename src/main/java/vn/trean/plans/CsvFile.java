package vn.trean.plans;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small, strict reader and writer of the CSV files plan administrators exchange with
 * Excel (RFC 4180): UTF-8 with or without a byte order mark, a comma or a semicolon
 * between cells (Excel writes a semicolon where the list separator is one, as in
 * Vietnamese regional settings), a cell in double quotes when it holds a separator, a
 * quote or a line break. Anything else is refused with the line it is on, never guessed.
 */
final class CsvFile {

	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/**
	 * What browsers send for a .csv file: Excel installed on Windows makes it
	 * {@code application/vnd.ms-excel}, and some send nothing better than
	 * {@code application/octet-stream}.
	 */
	private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/x-csv",
			"application/x-csv", "text/comma-separated-values", "text/x-comma-separated-values", "text/plain");

	private static final Set<String> CSV_TYPES_BY_NAME = Set.of("application/vnd.ms-excel", "application/octet-stream",
			"");

	private CsvFile() {
	}

	/** One record of the file and the line it starts on (the header is line 1). */
	record Row(int line, List<String> cells) {

		Row {
			cells = List.copyOf(cells);
		}

		/** The cell at a 0-based index; a cell missing at the end of a line is blank. */
		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}

	}

	/** The header, then every record that is not blank, in file order. */
	record Table(char delimiter, Row header, List<Row> rows) {

		Table {
			rows = List.copyOf(rows);
		}

	}

	/** Whether a file sent with this name and content type may be a CSV file. */
	static boolean acceptsType(String fileName, String contentType) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		type = (parameters < 0 ? type : type.substring(0, parameters)).strip();
		if (CSV_TYPES.contains(type)) {
			return true;
		}
		return CSV_TYPES_BY_NAME.contains(type) && fileName != null
				&& fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv");
	}

	/**
	 * Reads the file.
	 * @param maxRows how many records (beside the header and blank lines) are read at
	 * most
	 * @throws ImportRefused when the file is empty, not UTF-8 text, not well-formed CSV
	 * or longer than {@code maxRows}
	 */
	static Table read(byte[] bytes, int maxRows) {
		String text = decode(bytes);
		char delimiter = delimiter(text);
		List<Row> records = parse(text, delimiter, maxRows);
		Row header = records.get(0);
		return new Table(delimiter, header,
				records.subList(1, records.size()).stream().filter(r -> !r.blank()).toList());
	}

	// ---- reading ----

	private static String decode(byte[] bytes) {
		int start = startsWith(bytes, BOM) ? BOM.length : 0;
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
			throw new ImportRefused(new ImportProblem(lineAt(bytes, start, in.position()), 0, null,
					"plans.import.file.not-utf8", null));
		}
		String text = out.flip().toString();
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
		if (text.isBlank()) {
			throw new ImportRefused(ImportProblem.file("plans.import.file.empty", null));
		}
		return text;
	}

	/**
	 * The line of the byte at {@code position}: one more than the line feeds before it.
	 */
	private static int lineAt(byte[] bytes, int start, int position) {
		int line = 1;
		for (int i = start; i < position && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	/** A semicolon in the header line (outside quotes) makes it the delimiter. */
	private static char delimiter(String text) {
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ';') {
				return ';';
			}
		}
		return ',';
	}

	private static List<Row> parse(String text, char delimiter, int maxRows) {
		List<Row> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		int quoteLine = 0;
		boolean inQuotes = false;
		boolean afterQuote = false;
		int dataRows = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (inQuotes) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					inQuotes = false;
					afterQuote = true;
				}
				else {
					if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == delimiter) {
				cells.add(cell.toString());
				cell.setLength(0);
				afterQuote = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				Row row = new Row(recordLine, cells);
				records.add(row);
				if (records.size() > 1 && !row.blank() && ++dataRows > maxRows) {
					throw new ImportRefused(ImportProblem.file("plans.import.file.too-many-rows", "" + maxRows));
				}
				cells = new ArrayList<>();
				cell.setLength(0);
				afterQuote = false;
				line++;
				recordLine = line;
			}
			else if (afterQuote) {
				throw new ImportRefused(ImportProblem.at(line, cells.size() + 1, null, "plans.import.csv.after-quote"));
			}
			else if (c == '"') {
				if (cell.length() > 0) {
					throw new ImportRefused(
							ImportProblem.at(line, cells.size() + 1, null, "plans.import.csv.stray-quote"));
				}
				inQuotes = true;
				quoteLine = line;
			}
			else {
				cell.append(c);
			}
			i++;
		}
		if (inQuotes) {
			throw new ImportRefused(
					ImportProblem.at(quoteLine, cells.size() + 1, null, "plans.import.csv.unclosed-quote"));
		}
		if (cell.length() > 0 || !cells.isEmpty() || afterQuote) {
			cells.add(cell.toString());
			Row row = new Row(recordLine, cells);
			records.add(row);
			if (records.size() > 1 && !row.blank() && ++dataRows > maxRows) {
				throw new ImportRefused(ImportProblem.file("plans.import.file.too-many-rows", "" + maxRows));
			}
		}
		return records;
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

	// ---- writing ----

	/** Writes rows as Excel reads them: UTF-8 with a byte order mark, CRLF line ends. */
	static byte[] write(char delimiter, List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					text.append(delimiter);
				}
				text.append(quoted(row.get(i) == null ? "" : row.get(i), delimiter));
			}
			text.append("\r\n");
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, file, 0, BOM.length);
		System.arraycopy(body, 0, file, BOM.length, body.length);
		return file;
	}

	private static String quoted(String cell, char delimiter) {
		boolean needs = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
				|| cell.indexOf('\r') >= 0 || cell.startsWith(" ") || cell.endsWith(" ");
		return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

}
