package vn.trean.plans;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files plan administrators exchange with Excel, read and written by Apache
 * Commons CSV (RFC 4180): UTF-8 with or without a byte order mark, a comma or a semicolon
 * between cells (Excel writes a semicolon where the list separator is one, as in
 * Vietnamese regional settings). What is ours is the vetting around the library: bytes
 * that are no UTF-8 text are refused before it reads them, and a quote out of place is
 * refused by line and column (the library names neither the cell nor, for a quote inside
 * a cell, anything at all), never guessed at.
 */
final class CsvTable {

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

	private CsvTable() {
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
		String text = CsvText.decode(bytes);
		char delimiter = delimiter(text);
		List<Row> records = parse(text, delimiter, maxRows);
		return new Table(delimiter, records.get(0),
				records.subList(1, records.size()).stream().filter(r -> !r.blank()).toList());
	}

	/** Writes rows as Excel reads them: UTF-8 with a byte order mark, CRLF line ends. */
	static byte[] write(char delimiter, List<List<String>> rows) {
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, format(delimiter))) {
			printer.printRecords(rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, file, 0, BOM.length);
		System.arraycopy(body, 0, file, BOM.length, body.length);
		return file;
	}

	/**
	 * RFC 4180 with the file's delimiter; blank lines are read as records so that each
	 * record's line can be counted, and dropped afterwards.
	 */
	private static CSVFormat format(char delimiter) {
		return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
	}

	/**
	 * A header that splits into more than one cell at semicolons makes the semicolon the
	 * delimiter (a semicolon inside quotes does not split).
	 */
	private static char delimiter(String text) {
		try (CSVParser parser = CSVParser.parse(text, format(';'))) {
			Iterator<CSVRecord> records = parser.iterator();
			return records.hasNext() && records.next().size() > 1 ? ';' : ',';
		}
		catch (IOException | UncheckedIOException ex) {
			return ',';
		}
	}

	/**
	 * Every record with its line: a record starts on the line after the line breaks the
	 * parser had read before it.
	 */
	private static List<Row> parse(String text, char delimiter, int maxRows) {
		List<Row> records = new ArrayList<>();
		int dataRows = 0;
		try (CSVParser parser = CSVParser.parse(text, format(delimiter))) {
			Iterator<CSVRecord> iterator = parser.iterator();
			int line = 1;
			while (next(iterator, text, delimiter, line)) {
				Row row = new Row(line, iterator.next().toList());
				line = (int) parser.getCurrentLineNumber() + 1;
				requireQuotesInPlace(row, text, delimiter);
				records.add(row);
				if (records.size() > 1 && !row.blank() && ++dataRows > maxRows) {
					throw new ImportRefused(ImportProblem.file("plans.import.file.too-many-rows", "" + maxRows));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	/** Whether another record follows; a record the library refuses is located. */
	private static boolean next(Iterator<CSVRecord> records, String text, char delimiter, int line) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException ex) {
			ImportProblem problem = CsvText.misquoted(text, line, delimiter);
			throw new ImportRefused(problem != null ? problem
					: new ImportProblem(line, 0, null, "plans.import.csv.unclosed-quote", null));
		}
	}

	/**
	 * A quote inside a cell that is not quoted, which the library reads as text: refused,
	 * as a sign the file was not written as CSV.
	 */
	private static void requireQuotesInPlace(Row row, String text, char delimiter) {
		if (row.cells().stream().anyMatch(c -> c.indexOf('"') >= 0)) {
			ImportProblem problem = CsvText.misquoted(text, row.line(), delimiter);
			if (problem != null) {
				throw new ImportRefused(problem);
			}
		}
	}

}
