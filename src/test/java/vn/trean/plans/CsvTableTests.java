package vn.trean.plans;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV reading and writing of the plan import, without Spring. */
class CsvTableTests {

	@Test
	void readsACommaSeparatedFileWithAByteOrderMark() {
		CsvTable.Table table = CsvTable.read(bom("unit_code,unit_name,year,1.1\r\n92,Thành phố Cần Thơ,2025,95\r\n"),
				10);

		assertThat(table.delimiter()).isEqualTo(',');
		assertThat(table.header().cells()).containsExactly("unit_code", "unit_name", "year", "1.1");
		assertThat(table.rows()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.cells()).containsExactly("92", "Thành phố Cần Thơ", "2025", "95");
		});
	}

	@Test
	void readsASemicolonSeparatedFileAsExcelWritesItWithVietnameseSettings() {
		CsvTable.Table table = CsvTable.read(utf8("unit_code;unit_name;year;1.1\n31120;Phường Cái Khế;2025;95,5\n"),
				10);

		assertThat(table.delimiter()).isEqualTo(';');
		assertThat(table.rows().get(0).cells()).containsExactly("31120", "Phường Cái Khế", "2025", "95,5");
	}

	@Test
	void readsQuotedCellsWithSeparatorsQuotesAndLineBreaks() {
		CsvTable.Table table = CsvTable.read(utf8("a,b,c\n\"95,5\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"\",x,\n"), 10);

		assertThat(table.rows()).hasSize(2);
		assertThat(table.rows().get(0).cells()).containsExactly("95,5", "say \"hi\"", "two\nlines");
		assertThat(table.rows().get(1).line()).as("a record after a quoted line break").isEqualTo(4);
		assertThat(table.rows().get(1).cells()).containsExactly("", "x", "");
	}

	@Test
	void skipsBlankLinesButKeepsTheirLineNumbersCounted() {
		CsvTable.Table table = CsvTable.read(utf8("a,b\n\n,\n1,2"), 10);

		assertThat(table.rows()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(4);
			assertThat(row.cell(5)).as("a missing cell is blank").isEmpty();
		});
	}

	@Test
	void refusesAnEmptyFileOrOneWithOnlyAByteOrderMark() {
		assertRefused(new byte[0], 0, 0, "plans.import.file.empty");
		assertRefused(CsvTable.BOM, 0, 0, "plans.import.file.empty");
		assertRefused(utf8(" \r\n\r\n"), 0, 0, "plans.import.file.empty");
	}

	@Test
	void refusesMalformedUtf8NamingTheLine() {
		byte[] bytes = concat(utf8("unit_code,unit_name,year,1.1\n92,x,2025,1\n"),
				new byte[] { '3', (byte) 0xC3, (byte) 0x28, ',', '2', '0', '2', '5', '\n' });

		assertRefused(bytes, 3, 0, "plans.import.file.not-utf8");
		assertRefused("a\nC\u00e1i Kh\u00ea\n".getBytes(StandardCharsets.ISO_8859_1), 2, 0,
				"plans.import.file.not-utf8");
	}

	@Test
	void refusesUtf16AndWorkbooksWithTheirOwnReason() {
		assertRefused(concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, "a".getBytes(StandardCharsets.UTF_16LE)), 0, 0,
				"plans.import.file.utf16");
		assertRefused(new byte[] { 'P', 'K', 3, 4, 20, 0 }, 0, 0, "plans.import.file.workbook");
	}

	@Test
	void refusesControlCharactersAsNotText() {
		assertRefused(utf8("a,b\n1,\u00002\n"), 2, 0, "plans.import.file.not-text");
	}

	@Test
	void refusesAQuoteThatIsNeverClosed() {
		assertRefused(utf8("a,b\n1,\"2\n3,4\n"), 2, 2, "plans.import.csv.unclosed-quote");
	}

	@Test
	void refusesAQuoteInsideACellOrTextAfterAClosingQuote() {
		assertRefused(utf8("a,b\n1,2\"3\n"), 2, 2, "plans.import.csv.stray-quote");
		assertRefused(utf8("a,b\n\"1\"x,2\n"), 2, 1, "plans.import.csv.after-quote");
	}

	@Test
	void refusesMoreLinesThanTheLimit() {
		assertRefused(utf8("a\n1\n2\n3\n"), 0, 0, "plans.import.file.too-many-rows");
		assertThat(CsvTable.read(utf8("a\n1\n2\n"), 2).rows()).hasSize(2);
	}

	@Test
	void acceptsTheTypesBrowsersSendForCsvFiles() {
		assertThat(CsvTable.acceptsType("chi-tieu.csv", "text/csv")).isTrue();
		assertThat(CsvTable.acceptsType("chi-tieu.csv", "text/csv; charset=UTF-8")).isTrue();
		assertThat(CsvTable.acceptsType("chi-tieu.csv", "application/vnd.ms-excel")).isTrue();
		assertThat(CsvTable.acceptsType("chi-tieu.CSV", "application/octet-stream")).isTrue();
		assertThat(CsvTable.acceptsType("chi-tieu.xlsx", "application/vnd.ms-excel")).isFalse();
		assertThat(CsvTable.acceptsType("anh.csv", "image/png")).isFalse();
		assertThat(CsvTable.acceptsType("bao-cao.pdf", "application/pdf")).isFalse();
	}

	@Test
	void writesWhatItReadsBackWithAByteOrderMarkAndCrlf() {
		List<List<String>> rows = List.of(List.of("unit_code", "unit_name", "year"),
				List.of("31120", "Phường \"Cái\" Khế, mới", "2025"));

		byte[] written = CsvTable.write(',', rows);

		assertThat(new String(written, 0, 3, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1))
			.containsExactly(CsvTable.BOM);
		assertThat(new String(written, StandardCharsets.UTF_8)).endsWith("\"Phường \"\"Cái\"\" Khế, mới\",2025\r\n");
		assertThat(CsvTable.read(written, 10).rows().get(0).cells()).isEqualTo(rows.get(1));
		assertThat(CsvTable.read(CsvTable.write(';', rows), 10).rows().get(0).cells()).isEqualTo(rows.get(1));
	}

	private static void assertRefused(byte[] bytes, int line, int column, String key) {
		assertThatThrownBy(() -> CsvTable.read(bytes, 2)).isInstanceOfSatisfying(ImportRefused.class,
				refused -> assertThat(refused.problems()).singleElement().satisfies(p -> {
					assertThat(p.key()).isEqualTo(key);
					assertThat(p.line()).isEqualTo(line);
					assertThat(p.column()).isEqualTo(column);
				}));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bom(String text) {
		return concat(CsvTable.BOM, utf8(text));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
