package vn.trean.statistics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV of a table: UTF-8 with a byte order mark, nothing a spreadsheet would run. */
class TableCsvTests {

	@Test
	void startsWithTheByteOrderMarkAndWritesOneLinePerRowWithPeriodUnitCodeLabelAndCells() throws IOException {
		byte[] csv = TableCsv.write(ExportTables.abused(), ExportTables.text("vi"));

		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = read(csv);
		assertThat(records.get(0).toList()).containsExactly("Kỳ", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Kỳ", "Đơn vị",
				"Chỉ tiêu", "Mã chỉ tiêu");
		assertThat(records.get(1).toList()).containsExactly("2025-H1", "Phường Cái Khế", "SEXUAL",
				"Vụ việc bảo vệ trẻ em", "12", "30", "42", "61.3");
		assertThat(records.get(2).toList()).containsExactly("2025-H1", "Phường Cái Khế", "PHYSICAL",
				"Tiếp nhận thông báo, tố giác", "<5", "<5", "9", "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=", "+", "-", "@", "\t", "\r" })
	void aUnitNameOrLabelThatASpreadsheetWouldRunIsNeutralisedByAQuote(String prefix) throws IOException {
		StatisticsTable table = ExportTables.abused(ExportTables.unitNamed(prefix + "HYPERLINK(1)"), true);
		StatisticsTable.Row row = table.rows().get(0);
		StatisticsTable labelled = new StatisticsTable(table.kind(), table.period(), table.unit(), table.columns(),
				List.of(new StatisticsTable.Row(prefix + "cmd|calc", row.code(), 0, row.cells())), true);

		List<CSVRecord> records = read(TableCsv.write(labelled, ExportTables.text("vi")));

		assertThat(records.get(1).get(1)).isEqualTo("'" + prefix + "HYPERLINK(1)");
		assertThat(records.get(1).get(3)).isEqualTo("'" + prefix + "cmd|calc");
	}

	private static List<CSVRecord> read(byte[] csv) throws IOException {
		String text = new String(csv, StandardCharsets.UTF_8).substring(1);
		return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
	}

}
