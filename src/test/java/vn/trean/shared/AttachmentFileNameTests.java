package vn.trean.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentFileNameTests {

	@Test
	void keepsAVietnameseNameAndItsExtension() {
		assertThat(AttachmentFileName.of("Biên bản xác minh.pdf", AttachmentType.PDF).value())
			.isEqualTo("Biên bản xác minh.pdf");
		assertThat(AttachmentFileName.of("ẢNH.JPEG", AttachmentType.JPEG).value()).isEqualTo("ẢNH.jpeg");
	}

	@Test
	void dropsFoldersControlAndDirectionCharactersAndWhatFileSystemsRefuse() {
		assertThat(AttachmentFileName.of("C:\\Users\\cb\\..\\hồ sơ.pdf", AttachmentType.PDF).value())
			.isEqualTo("hồ sơ.pdf");
		assertThat(AttachmentFileName.of("../../etc/passwd", AttachmentType.PDF).value()).isEqualTo("passwd.pdf");
		assertThat(AttachmentFileName.of("a\u0000b\r\n\"c\"<d>|e?.pdf", AttachmentType.PDF).value())
			.isEqualTo("ab_c__d__e_.pdf");
		assertThat(AttachmentFileName.of("ảnh\u202Egnp.exe", AttachmentType.PNG).value())
			.as("a right-to-left override cannot disguise the extension")
			.isEqualTo("ảnhgnp.exe.png");
	}

	@Test
	void alwaysEndsInAnExtensionOfTheTypeFoundInTheContent() {
		assertThat(AttachmentFileName.of("trang.html", AttachmentType.PNG).value()).isEqualTo("trang.html.png");
		assertThat(AttachmentFileName.of("scan", AttachmentType.PDF).value()).isEqualTo("scan.pdf");
		assertThat(AttachmentFileName.of(".pdf", AttachmentType.PDF).value()).isEqualTo("pdf.pdf");
		assertThat(AttachmentFileName.of(null, AttachmentType.HEIC).value()).isEqualTo("tep-dinh-kem.heic");
		assertThat(AttachmentFileName.of("  . ", AttachmentType.JPEG).value()).isEqualTo("tep-dinh-kem.jpg");
	}

	@Test
	void cutsALongNameToTwoHundredCharactersKeepingTheExtension() {
		String name = AttachmentFileName.of("ệ".repeat(500) + ".pdf", AttachmentType.PDF).value();
		assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
		assertThat(name).endsWith("ệ.pdf");
	}

	@Test
	void sendsTheExactNameInRfc5987AndAnAsciiFallback() {
		AttachmentFileName name = AttachmentFileName.of("Đơn tố giác; \"bản 2\".pdf", AttachmentType.PDF);
		assertThat(name.contentDisposition()).isEqualTo("attachment; filename=\"Don to giac; _ban 2_.pdf\"; "
				+ "filename*=UTF-8''%C4%90%C6%A1n%20t%E1%BB%91%20gi%C3%A1c%3B%20_b%E1%BA%A3n%202_.pdf");
	}

	@Test
	void refusesAnUnsafeNameStoredOrBuiltDirectly() {
		assertThatThrownBy(() -> new AttachmentFileName("a/b.pdf")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttachmentFileName("a\nb.pdf")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttachmentFileName(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttachmentFileName("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
	}

}
