package vn.trean.printing;

/**
 * The parts of a {@link Workbook}'s package that do not depend on its cells: the
 * relations, the content types and the two cell styles.
 */
final class WorkbookParts {

	/** Where a reader of the package finds the workbook. */
	static final String PACKAGE_RELATIONS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
			</Relationships>""";

	/** Two cell styles: 0 the body's, 1 the header row's (bold). */
	static final String STYLES = """
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

	static String contentTypes(int sheets) {
		StringBuilder xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
		for (int i = 1; i <= sheets; i++) {
			xml.append("<Override PartName=\"/xl/worksheets/sheet")
				.append(i)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return xml.append("</Types>").toString();
	}

	static String workbookRelations(int sheets) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
		int i = 1;
		for (; i <= sheets; i++) {
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

	private WorkbookParts() {
	}

}
