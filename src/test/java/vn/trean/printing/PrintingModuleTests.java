package vn.trean.printing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import vn.trean.ModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printing module on its own: the printer the other modules are given renders an
 * official form as a PDF another PDF library reads back.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
@ModuleTest
class PrintingModuleTests {

	@Autowired
	FormPrinter printer;

	@Test
	void rendersAnOfficialFormAsAPdf() {
		OfficialDocument form = OfficialDocument
			.builder(OfficialWording.committee("Phường Cái Khế"), "Cái Khế", LocalDate.of(2026, 3, 5),
					"BIÊN BẢN GHI NHẬN")
			.formNumber("01")
			.field("Họ và tên trẻ", "Trần Văn Bình")
			.build();

		byte[] pdf = printer.print(form);

		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(FormPrinterTests.text(pdf)).contains("UBND PHƯỜNG CÁI KHẾ", "Mẫu số 01", "BIÊN BẢN GHI NHẬN",
				"Họ và tên trẻ: Trần Văn Bình");
	}

}
