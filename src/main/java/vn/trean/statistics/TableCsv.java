package vn.trean.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV, UTF-8 with a byte order mark (so Excel reads the Vietnamese letters): a
 * header row, then one line per row of the table with the period, the unit, the row's
 * code and label and each cell. A text that a spreadsheet would run as a formula (one
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return)
 * is neutralised by a leading single quote.
 */
final class TableCsv {

	private static final String BOM = "\uFEFF";

	private TableCsv() {
	}

	static byte[] write(StatisticsTable table, TableText text) {
		StringWriter out = new StringWriter().append(BOM);
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			List<String> header = new ArrayList<>(List.of(text.text("statistics-exports.column.period"),
					text.text("statistics-exports.column.unit"), text.text("statistics-exports.column.row-code"),
					text.text("statistics-exports.column.row")));
			table.columns().forEach(c -> header.add(text.label(c)));
			csv.printRecord(header.stream().map(TableCsv::neutral).toList());
			for (StatisticsTable.Row row : table.rows()) {
				csv.printRecord(line(table, row, text).stream().map(TableCsv::neutral).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> line(StatisticsTable table, StatisticsTable.Row row, TableText text) {
		List<String> line = new ArrayList<>(
				List.of(table.period().code(), table.unit().name(), row.code(), text.text(row.labelKey())));
		for (int c = 0; c < table.columns().size() && c < row.cells().size(); c++) {
			line.add(text.cell(row.cells().get(c), table.columns().get(c).measure()));
		}
		return line;
	}

	/** The text, or the text after a single quote when a spreadsheet would run it. */
	static String neutral(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
