package vn.trean.geography;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How a reference file is read: RFC 4180 CSV in UTF-8 with a header, every record as wide
 * as the header, and each column read with its check. A broken check throws an
 * {@link IllegalArgumentException} naming the column, which the import turns into a
 * {@link MalformedReferenceFile} naming the file and line.
 */
final class ReferenceCsv {

	private static final Pattern RESOLUTION = Pattern.compile("(\\d+/NQ-UBTVQH\\d+)");

	private ReferenceCsv() {
	}

	static List<CSVRecord> parse(String fileName, byte[] content) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			List<CSVRecord> rows = parser.getRecords();
			for (CSVRecord row : rows) {
				if (!row.isConsistent()) {
					throw new MalformedReferenceFile(fileName, lineOf(row),
							"has " + row.size() + " fields where the header has " + parser.getHeaderNames().size());
				}
			}
			return rows;
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new MalformedReferenceFile(fileName, 0, "is not valid CSV: " + ex.getMessage());
		}
	}

	static String required(CSVRecord row, String column) {
		String value = optional(row, column);
		if (value == null) {
			throw new IllegalArgumentException("column " + column + " is empty");
		}
		if (value.length() > 200) {
			throw new IllegalArgumentException("column " + column + " is longer than 200 characters");
		}
		return value;
	}

	static String required(CSVRecord row, String column, Pattern pattern) {
		String value = required(row, column);
		if (!pattern.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"column " + column + " has '" + value + "', expected " + pattern.pattern());
		}
		return value;
	}

	static String oneOf(CSVRecord row, String column, Set<String> allowed) {
		String value = required(row, column);
		if (!allowed.contains(value)) {
			throw new IllegalArgumentException("column " + column + " has unknown value '" + value + "'");
		}
		return value;
	}

	static String optional(CSVRecord row, String column) {
		if (!row.isMapped(column)) {
			throw new IllegalArgumentException("the file has no column " + column);
		}
		String value = row.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	static LocalDate date(CSVRecord row, String column) {
		String value = required(row, column);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("column " + column + " has '" + value + "', expected a date yyyy-MM-dd");
		}
	}

	/** The resolution number a row's note names, if any. */
	static String resolution(CSVRecord row) {
		String note = optional(row, "note");
		if (note == null) {
			return null;
		}
		Matcher m = RESOLUTION.matcher(note);
		return m.find() ? m.group(1) : null;
	}

	/** The row's line in the file, the header being line 1. */
	static long lineOf(CSVRecord row) {
		return row.getRecordNumber() + 1;
	}

}
