package vn.trean.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "Bé <b>Lan</b>", "<img src=x onerror=alert(1)>",
			"<SCRIPT src=//x>", "a <script", "</p >", "<!-- x -->", "<svg/onload=alert(1)>", "<?xml?>", "<a\nhref=x>" })
	void plainTextRefusesMarkup(String typed) {
		assertThat(new FormErrors().checkPlainText("account", typed, true, 200).get("account"))
			.isEqualTo("validation.markup");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Trẻ < 6 tuổi", "3<5 lần", "<3", "a > b", "Nguyễn Thị Thuỷ", "<< >>",
			"Bé bị đánh (< ba lần/tuần), bỏ đói -> sụt cân", "truyện <<Dế Mèn>>", "< b >" })
	void plainTextKeepsALessThanSignThatOpensNoTag(String typed) {
		assertThat(new FormErrors().checkPlainText("account", typed, true, 200).hasErrors()).isFalse();
	}

	@Test
	void lengthIsCountedAsStoredComposed() {
		// U+0958 has no composed form of its own: NFC stores it as two characters
		assertThat(new FormErrors().checkText("name", "\u0958".repeat(100), true, 199).get("name"))
			.isEqualTo("validation.too-long");
		assertThat(new FormErrors().checkText("name", "\u0958".repeat(100), true, 200).hasErrors()).isFalse();
		// a decomposed Vietnamese name is counted composed: "Thủy" is four characters
		assertThat(new FormErrors().checkText("name", "Thu\u0309y", true, 4).hasErrors()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "\u001b[31mđỏ", "chuông\u0007", "xóa\u007f", "c1\u0085", "\u009b2J",
			"Nguyễn \u202eăn", "Lê\u2066Văn\u2069", "dòng\u2028hai" })
	void textRefusesControlCharacters(String typed) {
		assertThat(new FormErrors().checkText("name", typed, true, 200).get("name"))
			.isEqualTo("validation.control-character");
	}

	@Test
	void textKeepsTabsAndLineBreaks() {
		assertThat(new FormErrors().checkText("notes", "Dòng một\r\nDòng hai\tcột", true, 200).hasErrors()).isFalse();
	}

}
