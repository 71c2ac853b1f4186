package vn.trean.printing;

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
 * A minimal Office Open XML workbook (.xlsx) written with {@code java.util.zip}: bold
 * heading lines and one bold header row per sheet, text as inline strings, numbers as
 * numbers and formulas as formulas, so Excel and LibreOffice open it and sum its columns.
 * No library: the few parts a spreadsheet needs are written here, every text XML-escaped,
 * in UTF-8 and NFC.
 */
public final class Workbook {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final List<Sheet> sheets = new ArrayList<>();

	/**
	 * A sheet: heading lines (bold, one cell each), a bold header row, then rows; each
	 * cell is a {@link String}, a {@link Number}, a {@link Formula} or {@code null}.
	 */
	public static final class Sheet {

		private final String name;

		private final List<String> heading;

		private final List<String> header;

		private final List<List<Object>> rows = new ArrayList<>();

		private Sheet(String name, List<String> heading, List<String> header) {
			this.name = name;
			this.heading = List.copyOf(heading);
			this.header = List.copyOf(header);
		}

		public Sheet row(List<?> cells) {
			rows.add(new ArrayList<>(cells));
			return this;
		}

		/** The number (from 1) of the row the next {@link #row} call writes. */
		public int nextRow() {
			return heading.size() + 2 + rows.size();
		}

	}

	/**
	 * A formula cell, such as {@code SUM(B5:M5)} (written without its {@code =}), with
	 * the value it had when written, shown by a reader that does not compute.
	 */
	public record Formula(String expression, Number value) {
	}

	/** Adds a sheet; its name is cut to the 31 characters a sheet name may have. */
	public Sheet sheet(String name, List<String> header) {
		return sheet(name, List.of(), header);
	}

	/** Adds a sheet with heading lines above its header row. */
	public Sheet sheet(String name, List<String> heading, List<String> header) {
		String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
		Sheet sheet = new Sheet(clean.length() > 31 ? clean.substring(0, 31) : clean, heading, header);
		sheets.add(sheet);
		return sheet;
	}

	/** The workbook as .xlsx bytes. */
	public byte[] bytes() {
		if (sheets.isEmpty()) {
			throw new IllegalStateException("a workbook needs a sheet");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			put(zip, "[Content_Types].xml", WorkbookParts.contentTypes(sheets.size()));
			put(zip, "_rels/.rels", WorkbookParts.PACKAGE_RELATIONS);
			put(zip, "xl/workbook.xml", workbook());
			put(zip, "xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelations(sheets.size()));
			put(zip, "xl/styles.xml", WorkbookParts.STYLES);
			for (int i = 0; i < sheets.size(); i++) {
				put(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(sheets.get(i)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
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

	private static String sheet(Sheet sheet) {
		int top = sheet.heading.size() + 1;
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
				<sheetViews><sheetView workbookViewId="0"><pane ySplit=""").append('"')
			.append(top)
			.append("\" topLeftCell=\"A")
			.append(top + 1)
			.append("\" state=\"frozen\"/></sheetView></sheetViews><sheetData>");
		int r = 1;
		for (String line : sheet.heading) {
			row(xml, r++, List.of(line), true);
		}
		row(xml, r++, new ArrayList<>(sheet.header), true);
		for (List<Object> cells : sheet.rows) {
			row(xml, r++, cells, false);
		}
		return xml.append("</sheetData></worksheet>").toString();
	}

	private static void row(StringBuilder xml, int r, List<?> cells, boolean header) {
		xml.append("<row r=\"").append(r).append("\">");
		for (int c = 0; c < cells.size(); c++) {
			Object value = cells.get(c);
			if (value != null) {
				xml.append("<c r=\"").append(column(c)).append(r).append('"').append(header ? " s=\"1\"" : "");
				cell(xml, value);
			}
		}
		xml.append("</row>");
	}

	/** The rest of a cell after its reference and style. */
	private static void cell(StringBuilder xml, Object value) {
		if (value instanceof Formula formula) {
			xml.append("><f>").append(escape(formula.expression())).append("</f><v>").append(number(formula.value()));
			xml.append("</v></c>");
		}
		else if (value instanceof Number number) {
			xml.append("><v>").append(number(number)).append("</v></c>");
		}
		else {
			xml.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
				.append(escape(value.toString()))
				.append("</t></is></c>");
		}
	}

	private static String number(Number number) {
		return number instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : number.toString();
	}

	/** A, B, …, Z, AA, AB, … for columns 0, 1, …. */
	public static String column(int index) {
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
	public static String escape(String text) {
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
