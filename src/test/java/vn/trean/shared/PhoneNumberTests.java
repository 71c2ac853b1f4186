package vn.trean.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

	@ParameterizedTest
	@CsvSource({ "0912 345 678, +84912345678", "0912.345.678, +84912345678", "84912345678, +84912345678",
			"+84 912 345 678, +84912345678", "(0292) 3821 234, +842923821234", "0398765432, +84398765432" })
	void storesVietnameseNumbersInternationally(String typed, String stored) {
		assertThat(PhoneNumber.parse(typed).value()).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "0912", "091234567890", "+1 202 555 0100", "0112345678", "abc" })
	void refusesWhatIsNotAVietnamesePhoneNumber(String typed) {
		assertThat(PhoneNumber.isValid(typed)).isFalse();
		assertThatThrownBy(() -> PhoneNumber.parse(typed)).isInstanceOf(IllegalArgumentException.class);
	}

}
