package vn.trean.statistics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trean.IntegrationTest;
import vn.trean.TestPdfs;

import static org.assertj.core.api.Assertions.assertThat;

/** The official PDF of a table, its text read back with PDFBox. */
@IntegrationTest
class TablePdfIntegrationTests {

	@Autowired
	TablePdf pdf;

	@Test
	void carriesTheNationalHeadingTheCommitteeTheTitlePeriodUnitTableAndSignatureBlocks() {
		String text = TestPdfs.text(pdf.write(ExportTables.abused(), ExportTables.text("vi")));

		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"UBND PHƯỜNG CÁI KHẾ", "TRẺ EM BỊ XÂM HẠI (CHỈ TIÊU 0101)", "6 tháng đầu năm 2025", "Cái Khế, ngày",
				"Vụ việc bảo vệ trẻ em", "42", "61.3", "<5", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ",
				"(Ký, ghi rõ họ tên, đóng dấu)");
	}

	@Test
	void anEnglishRequesterGetsEnglishTitleAndSignatureCapacitiesUnderTheStatesHeading() {
		String text = TestPdfs.text(pdf.write(ExportTables.abused(), ExportTables.text("en")));

		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ABUSED CHILDREN (INDICATOR 0101)",
				"First half of 2025", "PREPARED BY", "HEAD OF THE UNIT");
	}

}
