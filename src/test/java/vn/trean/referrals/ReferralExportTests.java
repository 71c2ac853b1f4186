package vn.trean.referrals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell of the inbox's CSV opens in a spreadsheet as the text it is. */
class ReferralExportTests {

	@Test
	void aCellThatASpreadsheetWouldTakeForAFormulaIsKeptAsText() {
		assertThat(ReferralExport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(ReferralExport.cell("+84 901 234 567")).isEqualTo("'+84 901 234 567");
		assertThat(ReferralExport.cell("-1")).isEqualTo("'-1");
		assertThat(ReferralExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ReferralExport.cell("\tx")).isEqualTo("'\tx");
	}

	@Test
	void anOrdinaryCellIsLeftAsItIs() {
		assertThat(ReferralExport.cell("Mẹ: 0901 234 567")).isEqualTo("Mẹ: 0901 234 567");
		assertThat(ReferralExport.cell("")).isEmpty();
		assertThat(ReferralExport.cell("Lớp 4A = lớp chiều")).isEqualTo("Lớp 4A = lớp chiều");
	}

}
