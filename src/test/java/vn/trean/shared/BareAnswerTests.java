package vn.trean.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare page names the emergency numbers as links a phone can call; the problem for
 * the API keeps its plain text.
 */
class BareAnswerTests {

	private static final String TEXT = "Hãy thử lại sau. Nếu có trẻ đang gặp nguy hiểm, hãy gọi ngay 111, 113 hoặc 1800 8065 "
			+ "<b>(mã 21113)</b>.";

	@Test
	void pageMakesEachEmergencyNumberItNamesATelephoneLink() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		BareAnswer.write(new MockHttpServletRequest("GET", "/report"), response, HttpStatus.SERVICE_UNAVAILABLE,
				Locale.forLanguageTag("vi"), "Tạm thời không phục vụ được", TEXT);

		assertThat(response.getContentAsString()).contains("gọi ngay <a href=\"tel:111\">111</a>, ")
			.contains("<a href=\"tel:113\">113</a> hoặc ")
			.contains("<a href=\"tel:18008065\">1800 8065</a> ")
			.contains("&lt;b&gt;(mã 21113)&lt;/b&gt;");
	}

	@Test
	void problemForTheApiKeepsTheNumbersAsText() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		BareAnswer.write(new MockHttpServletRequest("POST", "/api/v1/reports"), response,
				HttpStatus.SERVICE_UNAVAILABLE, Locale.forLanguageTag("vi"), "Tạm thời không phục vụ được", TEXT);

		assertThat(response.getContentAsString()).contains("gọi ngay 111, 113 hoặc 1800 8065").doesNotContain("tel:");
	}

}
