package vn.trean.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics workbook read back as XML: headings, formulas, marks. */
class TableWorkbookTests {

	@Test
	void headingNamesTheTableThePeriodAndTheUnitAboveTheHeaderRow() {
		Map<String, Cell> cells = sheet(TableWorkbook.write(ExportTables.abused(), ExportTables.text("vi")));

		assertThat(cells.get("A1").text()).isEqualTo("Trẻ em bị xâm hại (chỉ tiêu 0101)");
		assertThat(cells.get("A2").text()).isEqualTo("Kỳ báo cáo: 6 tháng đầu năm 2025");
		assertThat(cells.get("A3").text()).isEqualTo("Đơn vị: Phường Cái Khế");
		assertThat(cells.get("A4").text()).contains("<5");
		assertThat(cells.get("A5").text()).isEqualTo("Chỉ tiêu");
		assertThat(cells.get("B5").text()).isEqualTo("Kỳ");
	}

	@Test
	void anEnglishRequesterGetsEnglishHeadings() {
		Map<String, Cell> cells = sheet(TableWorkbook.write(ExportTables.abused(), ExportTables.text("en")));

		assertThat(cells.get("A1").text()).isEqualTo("Abused children (indicator 0101)");
		assertThat(cells.get("A2").text()).isEqualTo("Period: First half of 2025");
		assertThat(cells.get("A3").text()).isEqualTo("Unit: Phường Cái Khế");
	}

	@Test
	void theTotalOfARowWithoutSuppressedCellsIsASumFormulaOverItsCountCells() {
		Map<String, Cell> cells = sheet(TableWorkbook.write(ExportTables.abused(), ExportTables.text("vi")));

		assertThat(cells.get("B6").text()).isEqualTo("12");
		assertThat(cells.get("C6").text()).isEqualTo("30");
		assertThat(cells.get("D6").formula()).isEqualTo("SUM(B6:C6)");
		assertThat(cells.get("D6").text()).isEqualTo("42");
		assertThat(cells.get("E6").text()).isEqualTo("61.3");
	}

	@Test
	void aRowWithSuppressedCellsShowsTheMarkAndItsTotalAsAFigure() {
		Map<String, Cell> cells = sheet(TableWorkbook.write(ExportTables.abused(), ExportTables.text("vi")));

		assertThat(cells.get("A7").text()).isEqualTo("   Tiếp nhận thông báo, tố giác");
		assertThat(cells.get("B7").text()).isEqualTo("<5");
		assertThat(cells.get("C7").text()).isEqualTo("<5");
		assertThat(cells.get("D7").formula()).isNull();
		assertThat(cells.get("D7").text()).isEqualTo("9");
		assertThat(cells).doesNotContainKey("E7");
	}

	@Test
	void aTotalAddsUpOnlyTheCountColumnsSinceThePreviousTotal() {
		var columns = ExportTables.abused().columns();
		assertThat(TableWorkbook.addedUp(columns, 2)).containsExactly(0, 1);
		assertThat(TableWorkbook.sum(java.util.List.of(0, 2), 8)).isEqualTo("SUM(B8,D8)");
	}

	record Cell(String text, String formula) {
	}

	static Map<String, Cell> sheet(byte[] xlsx) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					return cells(zip.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new AssertionError("no sheet");
	}

	private static Map<String, Cell> cells(byte[] xml) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
			Map<String, Cell> cells = new HashMap<>();
			NodeList list = document.getElementsByTagName("c");
			for (int i = 0; i < list.getLength(); i++) {
				Element c = (Element) list.item(i);
				NodeList f = c.getElementsByTagName("f");
				NodeList v = c.getElementsByTagName("v");
				String text = v.getLength() > 0 ? v.item(0).getTextContent() : c.getTextContent();
				cells.put(c.getAttribute("r"), new Cell(text, f.getLength() > 0 ? f.item(0).getTextContent() : null));
			}
			return cells;
		}
		catch (Exception ex) {
			throw new IllegalStateException(new String(xml, StandardCharsets.UTF_8), ex);
		}
	}

}
