package vn.trean.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal Office Open XML workbook (.xlsx) written with {@code java.util.zip}: one bold
 * header row per sheet, text as inline strings and numbers as numbers, so Excel and
 * LibreOffice open it and sum its columns. No library: the few parts a spreadsheet needs
 * are written here, every text XML-escaped, in UTF-8 and NFC.
 */
final class Workbook {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Where a reader of the package finds the workbook. */
	private static final String PACKAGE_RELATIONS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
			</Relationships>""";

	/** Two cell styles: 0 the body's, 1 the header row's (bold). */
	private static final String STYLES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
			<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
			<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
			<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
			<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
			<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
			<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
			<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
			<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
			</styleSheet>""";

	private final List<Sheet> sheets = new ArrayList<>();

	/**
	 * A sheet of rows; each cell is a {@link String}, a {@link Number} or {@code null}.
	 */
	static final class Sheet {

		private final String name;

		private final List<String> header;

		private final List<List<Object>> rows = new ArrayList<>();

		private Sheet(String name, List<String> header) {
			this.name = name;
			this.header = List.copyOf(header);
		}

		Sheet row(List<?> cells) {
			rows.add(new ArrayList<>(cells));
			return this;
		}

	}

	/** Adds a sheet; its name is cut to the 31 characters a sheet name may have. */
	Sheet sheet(String name, List<String> header) {
		String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
		Sheet sheet = new Sheet(clean.length() > 31 ? clean.substring(0, 31) : clean, header);
		sheets.add(sheet);
		return sheet;
	}

	/** The workbook as .xlsx bytes. */
	byte[] bytes() {
		if (sheets.isEmpty()) {
			throw new IllegalStateException("a workbook needs a sheet");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			put(zip, "[Content_Types].xml", contentTypes());
			put(zip, "_rels/.rels", PACKAGE_RELATIONS);
			put(zip, "xl/workbook.xml", workbook());
			put(zip, "xl/_rels/workbook.xml.rels", workbookRelations());
			put(zip, "xl/styles.xml", STYLES);
			for (int i = 0; i < sheets.size(); i++) {
				put(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(sheets.get(i)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String contentTypes() {
		StringBuilder xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
		for (int i = 1; i <= sheets.size(); i++) {
			xml.append("<Override PartName=\"/xl/worksheets/sheet")
				.append(i)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return xml.append("</Types>").toString();
	}

	private String workbook() {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
		for (int i = 1; i <= sheets.size(); i++) {
			xml.append("<sheet name=\"")
				.append(escape(sheets.get(i - 1).name))
				.append("\" sheetId=\"")
				.append(i)
				.append("\" r:id=\"rId")
				.append(i)
				.append("\"/>");
		}
		return xml.append("</sheets></workbook>").toString();
	}

	private String workbookRelations() {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
		int i = 1;
		for (; i <= sheets.size(); i++) {
			xml.append("<Relationship Id=\"rId")
				.append(i)
				.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
				.append(i)
				.append(".xml\"/>");
		}
		xml.append("<Relationship Id=\"rId")
			.append(i)
			.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
		return xml.append("</Relationships>").toString();
	}

	private static String sheet(Sheet sheet) {
		StringBuilder xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
						<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView></sheetViews>\
						<sheetData>""");
		row(xml, 1, new ArrayList<>(sheet.header), true);
		int r = 2;
		for (List<Object> cells : sheet.rows) {
			row(xml, r++, cells, false);
		}
		return xml.append("</sheetData></worksheet>").toString();
	}

	private static void row(StringBuilder xml, int r, List<?> cells, boolean header) {
		xml.append("<row r=\"").append(r).append("\">");
		for (int c = 0; c < cells.size(); c++) {
			Object value = cells.get(c);
			if (value == null) {
				continue;
			}
			String ref = column(c) + r;
			String style = header ? " s=\"1\"" : "";
			if (value instanceof Number number) {
				String text = number instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
						: number.toString();
				xml.append("<c r=\"")
					.append(ref)
					.append('"')
					.append(style)
					.append("><v>")
					.append(text)
					.append("</v></c>");
			}
			else {
				xml.append("<c r=\"")
					.append(ref)
					.append('"')
					.append(style)
					.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
					.append(escape(value.toString()))
					.append("</t></is></c>");
			}
		}
		xml.append("</row>");
	}

	/** A, B, …, Z, AA, AB, … for columns 0, 1, …. */
	static String column(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}

	/**
	 * The text as XML character data: markup characters escaped, characters XML 1.0 does
	 * not allow (control characters) dropped, letters precomposed.
	 */
	static String escape(String text) {
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		nfc.codePoints().forEach(cp -> {
			switch (cp) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
							|| (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
						out.appendCodePoint(cp);
					}
				}
			}
		});
		return out.toString();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
