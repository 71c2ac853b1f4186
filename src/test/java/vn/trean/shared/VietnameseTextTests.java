package vn.trean.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

	@Test
	void ordersNamesInTheVietnameseAlphabetNotInUnicodeOrder() {
		List<String> alphabetical = List.of("An Bình", "Ăn", "Ấp Bắc", "Bình Thủy", "Cần Thơ", "Dung", "Đông Hưng",
				"Em", "Ê Đê", "Ô Môn", "Ơn", "Phong Điền", "Phường Ô Môn", "Thới Lai", "Ước", "Xã Đông Thuận");
		List<String> shuffled = new ArrayList<>(alphabetical);
		Collections.reverse(shuffled);
		shuffled.sort(VietnameseText.ORDER);
		assertThat(shuffled).containsExactlyElementsOf(alphabetical);
		assertThat(alphabetical.stream().sorted().toList()).as("Unicode order puts Đ, Ô and Ơ last")
			.isNotEqualTo(alphabetical);
	}

	@Test
	void ordersTonesAfterTheBareLetterAndSpacesBeforeLetters() {
		List<String> alphabetical = List.of("An Phú", "Anh", "Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "Phú Tân", "Phúc Thọ",
				"Tân An", "Tân Bình", "Tân-An");
		List<String> shuffled = new ArrayList<>(alphabetical);
		Collections.shuffle(shuffled, new java.util.Random(15));
		shuffled.sort(VietnameseText.ORDER);
		assertThat(shuffled).containsExactlyElementsOf(alphabetical);
	}

	@Test
	void ordersDecomposedNamesLikeComposedOnes() {
		String nfd = Normalizer.normalize("Đông Hưng", Normalizer.Form.NFD);
		assertThat(VietnameseText.ORDER.compare(nfd, "Dung")).isPositive();
		assertThat(VietnameseText.ORDER.compare(nfd, "Em")).isNegative();
	}

	@Test
	void ordersThingsByTheirName() {
		record Unit(String name) {
		}
		List<Unit> units = new ArrayList<>(List.of(new Unit("Ô Môn"), new Unit("Đông Hưng"), new Unit("Ba Láng")));
		units.sort(VietnameseText.byName(Unit::name));
		assertThat(units).extracting(Unit::name).containsExactly("Ba Láng", "Đông Hưng", "Ô Môn");
	}

	@Test
	void aPlaceIsNamedByAnyPartOfItsNameInAnySpelling() {
		java.util.Map<Integer, String> names = new java.util.LinkedHashMap<>();
		names.put(1, "Phường Ô Môn");
		names.put(2, "Xã Đông Hiệp");
		names.put(3, "Phường Cái Khế");

		assertThat(VietnameseText.keysNaming(names, "o mon")).containsExactly(1);
		assertThat(VietnameseText.keysNaming(names, "ĐÔNG")).containsExactly(2);
		assertThat(VietnameseText.keysNaming(names, "Phu\u031Bo\u031B\u0300ng")).containsExactly(1, 3);
		assertThat(VietnameseText.keysNaming(names, "Hà Nội")).isEmpty();
	}

}
