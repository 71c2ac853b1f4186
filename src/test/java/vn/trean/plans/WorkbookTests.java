package vn.trean.plans;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.trean.printing.Workbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written .xlsx read back without the writer: unzipped and its parts parsed as
 * XML, so a workbook that is not well-formed or misplaces a cell fails.
 */
class WorkbookTests {

	@Test
	void writesTheSheetsPartsAndCellsAWorkbookNeedsAndReadsBackVietnameseTextAndNumbers() {
		Workbook workbook = new Workbook();
		workbook.sheet("Tiến độ", List.of("Mã", "Chỉ tiêu", "Tử số", "Kết quả"))
			.row(Arrays.asList("1.1", "Nguyễn Thị Thuỷ & <các> \"bạn\"", 120L, new BigDecimal("66.70")))
			.row(Arrays.asList("1.2", null, 0, new BigDecimal("100")));
		workbook.sheet("Xã, phường", List.of("Đơn vị")).row(List.of("Phường Cái Khế"));

		Map<String, String> parts = unzip(workbook.bytes());

		assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
		Document book = parse(parts.get("xl/workbook.xml"));
		List<String> names = new ArrayList<>();
		NodeList sheets = book.getElementsByTagName("sheet");
		for (int i = 0; i < sheets.getLength(); i++) {
			names.add(((Element) sheets.item(i)).getAttribute("name"));
		}
		assertThat(names).containsExactly("Tiến độ", "Xã, phường");

		Map<String, Cell> cells = cells(parse(parts.get("xl/worksheets/sheet1.xml")));
		assertThat(cells.get("A1")).isEqualTo(new Cell("inlineStr", "1", "Mã"));
		assertThat(cells.get("B2").value()).isEqualTo("Nguyễn Thị Thuỷ & <các> \"bạn\"");
		assertThat(cells.get("C2")).isEqualTo(new Cell("", "", "120"));
		assertThat(cells.get("D2")).isEqualTo(new Cell("", "", "66.7"));
		assertThat(cells).doesNotContainKey("B3");
		assertThat(cells.get("D3").value()).isEqualTo("100");
		assertThat(cells(parse(parts.get("xl/worksheets/sheet2.xml"))).get("A2").value()).isEqualTo("Phường Cái Khế");
	}

	@Test
	void storesTextPrecomposedAndDropsCharactersXmlCannotCarry() {
		Workbook workbook = new Workbook();
		workbook.sheet("a/b:c", List.of("x"))
			.row(List.of(Normalizer.normalize("Thuỷ", Normalizer.Form.NFD) + "\u0001"));

		Map<String, String> parts = unzip(workbook.bytes());

		assertThat(cells(parse(parts.get("xl/worksheets/sheet1.xml"))).get("A2").value()).isEqualTo("Thuỷ");
		assertThat(parts.get("xl/workbook.xml")).contains("name=\"a b c\"");
	}

	@Test
	void namesColumnsBeyondZLikeASpreadsheet() {
		assertThat(Workbook.column(0)).isEqualTo("A");
		assertThat(Workbook.column(25)).isEqualTo("Z");
		assertThat(Workbook.column(26)).isEqualTo("AA");
		assertThat(Workbook.column(27 * 26)).isEqualTo("AAA");
	}

	record Cell(String type, String style, String value) {
	}

	static Map<String, Cell> cells(Document sheet) {
		Map<String, Cell> cells = new HashMap<>();
		NodeList list = sheet.getElementsByTagName("c");
		for (int i = 0; i < list.getLength(); i++) {
			Element c = (Element) list.item(i);
			cells.put(c.getAttribute("r"), new Cell(c.getAttribute("t"), c.getAttribute("s"), c.getTextContent()));
		}
		return cells;
	}

	static Map<String, String> unzip(byte[] bytes) {
		Map<String, String> parts = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				parts.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return parts;
	}

	static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
