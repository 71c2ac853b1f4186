package vn.trean.shared;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@ParameterizedTest
	@CsvSource({ "Nguyễn Thị Thủy, nguyen thi thuy", "NGUYỄN THỊ THUỶ, nguyen thi thuy", "Đặng Văn Đức, dang van duc",
			"Hòa Tú, hoa tu", "Hoà Tú, hoa tu", "Thủy, thuy", "Thuỷ, thuy", "Phường Bình Thủy, phuong binh thuy" })
	void foldsDiacriticsCaseAndDStroke(String text, String expected) {
		assertThat(VietnameseText.fold(text)).isEqualTo(expected);
	}

	@Test
	void foldsBothToneMarkPlacementsToTheSameKey() {
		assertThat(VietnameseText.fold("Hòa")).isEqualTo(VietnameseText.fold("Hoà"));
		assertThat(VietnameseText.fold("Thủy")).isEqualTo(VietnameseText.fold("Thuỷ"));
		assertThat(VietnameseText.fold("Hỏa Lựu")).isEqualTo(VietnameseText.fold("Hoả Lựu"));
	}

	@Test
	void foldsDecomposedInputLikeComposedInput() {
		String nfd = Normalizer.normalize("Nguyễn Thị Thủy", Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo("Nguyễn Thị Thủy");
		assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold("Nguyễn Thị Thủy"))
			.isEqualTo("nguyen thi thuy");
		assertThat(VietnameseText.fold(Normalizer.normalize("ĐỨC", Normalizer.Form.NFD))).isEqualTo("duc");
	}

	@Test
	void collapsesAndTrimsWhiteSpace() {
		assertThat(VietnameseText.fold("  Hòa \t  Tú\n")).isEqualTo("hoa tu");
		assertThat(VietnameseText.normalize("  Hòa \t  Tú ")).isEqualTo("Hòa Tú");
	}

	@Test
	void storesTextInComposedForm() {
		String nfd = Normalizer.normalize("Thủy", Normalizer.Form.NFD);
		assertThat(VietnameseText.normalize(nfd)).isEqualTo("Thủy").hasSize(4);
	}

	@Test
	void treatsNullAsEmpty() {
		assertThat(VietnameseText.fold(null)).isEmpty();
		assertThat(VietnameseText.normalize(null)).isNull();
	}

}
